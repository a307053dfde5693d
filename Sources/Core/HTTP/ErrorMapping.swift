import Logging

extension APIError {
    /// The one place any error becomes what the client is told. Outages are a 503 with
    /// `retry-after`; anything unforeseen is logged in full and answered with a bare 500.
    public init(mapping error: any Error, logger: Logger) {
        switch error {
        case let error as APIError:
            self = error
        case let error as FieldError:
            self = .validationFailed([error])
        case let error as DatabaseUnavailable:
            logger.warning("database unavailable", metadata: ["reason": "\(error)"])
            self = .unavailable(retryAfterSeconds: 1)
        default:
            logger.error(
                "unexpected error", metadata: ["error": "\(String(reflecting: error))", "type": "\(type(of: error))"])
            self = .internalError
        }
    }
}
