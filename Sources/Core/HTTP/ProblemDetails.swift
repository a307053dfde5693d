/// An RFC 9457 problem-details body, with the contract's `code` and `errors` extensions.
public struct ProblemDetails: Sendable, Hashable, Encodable {
    public var type = "about:blank"
    public var title: String
    public var status: Int
    public var code: String
    public var detail: String
    public var errors: [FieldError]?

    public init(status: Int, code: String, detail: String, errors: [FieldError]? = nil) {
        self.title = HTTPStatusTitle.title(for: status)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = errors
    }
}

extension APIError {
    /// The response this error becomes: status, problem body and the headers the contract asks for.
    public var problem: (details: ProblemDetails, headers: [String: String]) {
        switch self {
        case .invalidJSON(let reason):
            return (ProblemDetails(status: 400, code: "invalid_json", detail: reason), [:])
        case .unauthorized(let tokenSent):
            let challenge = tokenSent ? #"Bearer error="invalid_token""# : "Bearer"
            return (
                ProblemDetails(
                    status: 401, code: "unauthorized",
                    detail: tokenSent ? "the access token is invalid or expired" : "an access token is required"),
                ["www-authenticate": challenge]
            )
        case .invalidCredentials:
            return (ProblemDetails(status: 401, code: "invalid_credentials", detail: "email or password is wrong"), [:])
        case .wrongPassword:
            return (ProblemDetails(status: 403, code: "invalid_credentials", detail: "the password is wrong"), [:])
        case .notFound:
            return (ProblemDetails(status: 404, code: "not_found", detail: "no such resource"), [:])
        case .emailTaken:
            return (ProblemDetails(status: 409, code: "email_taken", detail: "an account with this email exists"), [:])
        case .nameTaken:
            return (ProblemDetails(status: 409, code: "name_taken", detail: "the name is already in use"), [:])
        case .limitReached(let detail):
            return (ProblemDetails(status: 409, code: "limit_reached", detail: detail), [:])
        case .preconditionFailed:
            return (
                ProblemDetails(
                    status: 412, code: "precondition_failed", detail: "if-match does not match the current version"),
                [:]
            )
        case .payloadTooLarge:
            return (
                ProblemDetails(status: 413, code: "payload_too_large", detail: "the body is larger than 256 KiB"), [:]
            )
        case .validationFailed(let errors):
            let detail = errors.count == 1 ? "1 field is invalid" : "\(errors.count) fields are invalid"
            return (ProblemDetails(status: 422, code: "validation_failed", detail: detail, errors: errors), [:])
        case .tooManyAttempts(let seconds):
            return (
                ProblemDetails(
                    status: 429, code: "too_many_attempts", detail: "too many failed logins; try again later"),
                ["retry-after": String(seconds)]
            )
        case .unavailable(let seconds):
            return (
                ProblemDetails(status: 503, code: "unavailable", detail: "the service is temporarily unavailable"),
                ["retry-after": String(seconds)]
            )
        case .internalError:
            return (ProblemDetails(status: 500, code: "internal", detail: "an unexpected error occurred"), [:])
        }
    }
}
