import Runtime

/// An alert's note: up to 500 characters, kept as written (not trimmed), with no control characters.
public enum AlertNote {
    public static let maximumLength = 500

    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        let text = try value.string(field: "note")
        // Counted in Unicode scalars, as PostgreSQL's char_length counts them.
        if text.unicodeScalars.count > maximumLength {
            throw FieldError(field: "note", code: "too_long", message: "must be at most \(maximumLength) characters")
        }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw FieldError(field: "note", code: "invalid", message: "must not contain control characters")
        }
        return text
    }
}
