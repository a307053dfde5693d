import LambdaEvents

/// A chart's layout: any JSON object of at most 65,536 bytes as compact UTF-8 JSON, stored as
/// that text in a `json` column, which keeps it as given, so that every number comes back digit
/// for digit (`1.0`, `-0`, `1e400`).
public enum ChartLayout {
    public static let maximumBytes = 65_536
    static let empty = "{}"

    /// The layout as compact JSON text, measured as stored, or a 422 naming `layout`.
    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        guard case .object = value else { throw .invalidType("layout", expected: "a JSON object") }
        // PostgreSQL's jsonb cannot hold U+0000 in a string: refused, so that every stored layout
        // stays readable as jsonb.
        if containsNull(value) {
            throw FieldError(field: "layout", code: "invalid", message: "must not contain the character U+0000")
        }
        // Measured on our own compact serialisation, not on the request's text, so that the
        // client's whitespace neither counts against it nor lets it past the limit.
        let text = value.jsonText
        guard text.utf8.count <= maximumBytes else {
            throw FieldError(
                field: "layout", code: "too_long", message: "must be at most \(maximumBytes) bytes as compact JSON")
        }
        return text
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

    /// Reads a stored layout back: the text ``parse(_:)`` made, or jsonb's text form for a layout
    /// stored before the column became `json`.
    static func decode(stored text: String) throws -> JSONValue {
        try JSONValue(parsing: text.utf8)
    }
}
