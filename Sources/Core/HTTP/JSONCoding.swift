import LambdaEvents

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON configuration: responses written compact with keys sorted, and one decoder for
/// token headers. Request bodies and stored layouts are read by `JSONValue(parsing:)`.
public enum JSONCoding {
    /// A response body: compact, keys sorted (a failed login must not reveal which check failed,
    /// so equal answers must be byte-identical), slashes unescaped, and a `JSONValue`'s numbers
    /// (a chart's layout) exactly as written, which `JSONEncoder` cannot do.
    public static func text(of value: some Encodable) throws -> String {
        try JSONValueEncoder().encode(value).jsonText
    }

    /// Shared by every read of the environment (JSONDecoder is thread-safe once configured).
    static let decoder = JSONDecoder()
}
