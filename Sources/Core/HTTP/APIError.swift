/// Every failure a client can be told about: the error table of the HTTP contract. Everything
/// that reaches a client goes through ``problem``, the one place errors become responses.
public enum APIError: Error, Sendable, Equatable {
    case invalidJSON(String)
    /// No usable bearer token; `tokenSent` adds `error="invalid_token"` to `www-authenticate`.
    case unauthorized(tokenSent: Bool)
    /// Unknown email or wrong password at login.
    case invalidCredentials
    /// Wrong current password when changing it or deleting the account.
    case wrongPassword
    case notFound
    case emailTaken
    case nameTaken
    case limitReached(String)
    case preconditionFailed
    case payloadTooLarge
    case validationFailed([FieldError])
    case tooManyAttempts(retryAfterSeconds: Int)
    case unavailable(retryAfterSeconds: Int)
    /// A bug: the client learns nothing more than that.
    case internalError

    public static func validation(_ errors: FieldError...) -> APIError {
        .validationFailed(errors)
    }
}
