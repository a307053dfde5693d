/// A display name: 1 to 64 characters after trimming, with no control characters.
public enum DisplayName {
    public static let maximumLength = 64

    /// The trimmed name, or `nil` with a 422 recorded.
    public static func validate(_ text: String, errors: inout ValidationErrors) -> String? {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        // Counted in Unicode scalars, as PostgreSQL's char_length counts them.
        let length = trimmed.unicodeScalars.count
        if length == 0 {
            errors.add(field: "display_name", code: "too_short", message: "must not be empty")
            return nil
        }
        if length > maximumLength {
            errors.add(field: "display_name", code: "too_long", message: "must be at most \(maximumLength) characters")
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.add(field: "display_name", code: "invalid", message: "must not contain control characters")
            return nil
        }
        return trimmed
    }
}
