/// Failures of the runtime itself, as opposed to errors a handler throws.
public enum RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `AWS_LAMBDA_RUNTIME_API` is missing or cannot be parsed.
    case invalidEndpoint(String)
    /// The Runtime API cannot be reached or closed the connection.
    case connectionFailed(String)
    /// The Runtime API answered with a status the protocol does not allow us to continue after.
    case unexpectedStatus(path: String, status: Int)
    /// The invocation's headers lack what the protocol promises.
    case invalidInvocation(String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let value): "AWS_LAMBDA_RUNTIME_API is not a usable endpoint: '\(value)'"
        case .connectionFailed(let reason): "cannot reach the Lambda Runtime API: \(reason)"
        case .unexpectedStatus(let path, let status): "Runtime API answered \(status) to \(path)"
        case .invalidInvocation(let reason): "invalid invocation from the Runtime API: \(reason)"
        }
    }
}
