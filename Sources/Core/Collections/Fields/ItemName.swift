import LambdaEvents

/// The name of a chart or watchlist: 1 to 100 characters after trimming surrounding whitespace,
/// with no control characters.
///
/// Trimmed like a display name, so that `"Tech "` and `"Tech"` are one name (which matters
/// where names are unique) and a name of spaces alone counts as empty.
public enum ItemName {
    public static let maximumLength = 100

    /// The trimmed name, or a 422 naming `field`.
    public static func parse(_ value: JSONValue, field: String = "name") throws(FieldError) -> String {
        let trimmed = try value.string(field: field).trimmingWhitespaceAndNewlines()
        // Counted in Unicode scalars, as PostgreSQL's char_length counts them.
        let length = trimmed.unicodeScalars.count
        if length == 0 {
            throw FieldError(field: field, code: "too_short", message: "must not be empty")
        }
        if length > maximumLength {
            throw FieldError(field: field, code: "too_long", message: "must be at most \(maximumLength) characters")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw FieldError(field: field, code: "invalid", message: "must not contain control characters")
        }
        return trimmed
    }
}
