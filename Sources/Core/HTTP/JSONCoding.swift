#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The one JSON configuration: responses compact with slashes unescaped, and one decoder for
/// every request body, stored layout and token header.
enum JSONCoding {
    /// Shared by every response of the environment (JSONEncoder is thread-safe once configured).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Sorted keys make equal answers byte-identical (a failed login must not reveal which check failed).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Shared by every read of the environment (JSONDecoder is thread-safe once configured).
    static let decoder = JSONDecoder()
}
