import LambdaEvents

/// An alert's note: up to 500 characters, kept as written (not trimmed). A note is free text, so
/// line breaks and tabs are allowed; other control characters are not.
public enum AlertNote {
    public static let maximumLength = 500

    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        let text = try value.string(field: "note")
        // Counted in Unicode scalars, as PostgreSQL's char_length counts them.
        if text.unicodeScalars.count > maximumLength {
            throw FieldError(field: "note", code: "too_long", message: "must be at most \(maximumLength) characters")
        }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) {
            throw FieldError(field: "note", code: "invalid", message: "must not contain control characters")
        }
        return text
    }
}
