import LambdaEvents

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A chart's layout: any JSON object of at most 65,536 bytes as compact UTF-8 JSON.
public enum ChartLayout {
    public static let maximumBytes = 65_536
    static let empty = "{}"

    /// The layout as compact JSON text, measured as stored, or a 422 naming `layout`.
    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        guard case .object = value else { throw .invalidType("layout", expected: "a JSON object") }
        // jsonb cannot hold U+0000 in a string; refused here rather than failing in the database.
        if containsNull(value) {
            throw FieldError(field: "layout", code: "invalid", message: "must not contain the character U+0000")
        }
        // Measured on our own compact serialisation, not on the request's text, so that the
        // client's whitespace neither counts against it nor lets it past the limit.
        guard let data = try? JSONCoding.encoder.encode(value) else {
            throw FieldError(field: "layout", code: "invalid", message: "cannot be stored")
        }
        guard data.count <= maximumBytes else {
            throw FieldError(
                field: "layout", code: "too_long", message: "must be at most \(maximumBytes) bytes as compact JSON")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func containsNull(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.unicodeScalars.contains("\u{0}")
        case .array(let items): items.contains(where: containsNull)
        case .object(let members):
            members.contains { $0.key.unicodeScalars.contains("\u{0}") || containsNull($0.value) }
        case .null, .bool, .number: false
        }
    }

    /// Reads a stored layout back (jsonb's text form, which is not compact).
    static func decode(stored text: String) throws -> JSONValue {
        try JSONCoding.decoder.decode(JSONValue.self, from: Data(text.utf8))
    }
}
