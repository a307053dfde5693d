/// Passwords are 8 to 72 bytes of UTF-8: bcrypt reads no further than 72 bytes, so a longer
/// password is refused rather than silently cut.
public enum PasswordPolicy {
    public static let minimumBytes = 8
    public static let maximumBytes = 72

    /// Checks a new password, recording a 422 for `field` when it breaks the rules.
    public static func validate(_ password: String, field: String, errors: inout ValidationErrors) {
        let count = password.utf8.count
        if count < minimumBytes {
            errors.add(field: field, code: "too_short", message: "must be at least \(minimumBytes) bytes")
        } else if count > maximumBytes {
            errors.add(field: field, code: "too_long", message: "must be at most \(maximumBytes) bytes of UTF-8")
        } else if password.utf8.contains(0) {
            // bcrypt stops at a NUL byte, which would make the rest of the password meaningless.
            errors.add(field: field, code: "invalid", message: "must not contain NUL characters")
        }
    }

    /// Whether `password` could be anyone's: a login or a current-password check with a longer
    /// one fails without reaching bcrypt, which would compare only its first 72 bytes.
    public static func couldBeValid(_ password: String) -> Bool {
        (minimumBytes...maximumBytes).contains(password.utf8.count) && !password.utf8.contains(0)
    }
}
