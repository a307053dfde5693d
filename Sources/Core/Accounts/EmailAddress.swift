/// An email address as accounts use it: trimmed, lower-cased, at most 254 characters, one `@`
/// with a non-empty local part and a domain that contains a dot.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public static let maximumLength = 254

    /// Normalises `text`, or explains why it is not an email address.
    public static func parse(_ text: String) -> Result<EmailAddress, FieldError> {
        let normalized = normalize(text)
        func invalid(_ message: String) -> Result<EmailAddress, FieldError> {
            .failure(FieldError(field: "email", code: "invalid", message: message))
        }
        guard normalized.unicodeScalars.count <= maximumLength else {
            return .failure(
                FieldError(field: "email", code: "too_long", message: "must be at most \(maximumLength) characters"))
        }
        // Split by scalars, not characters: a combining mark or modifier after `@` or `.` joins it
        // into one character, which would hide a second `@` or an empty label from the split.
        let parts = normalized.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return invalid("not an email address") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty else { return invalid("not an email address") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return invalid("not an email address") }
        guard
            !normalized.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || $0.properties.generalCategory == .control
            })
        else {
            return invalid("not an email address")
        }
        return .success(EmailAddress(value: normalized))
    }

    /// The form emails are compared and throttled by: trimmed and lower-cased.
    public static func normalize(_ text: String) -> String {
        text.trimmingWhitespaceAndNewlines().lowercased()
    }

    private init(value: String) {
        self.value = value
    }

    /// The local part, which a new account's display name defaults to.
    public var localPart: String { String(value.prefix { $0 != "@" }) }

    public var description: String { value }
}
