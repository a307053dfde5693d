/// Failures of the local Lambda service itself, as opposed to a function's failures, which are
/// invocation outcomes.
public enum LocalLambdaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No function of this name was given to the service.
    case unknownFunction(String)
    /// The service is shutting down, or has.
    case shutDown

    public var description: String {
        switch self {
        case .unknownFunction(let name): "Function not found: \(name)"
        case .shutDown: "The local Lambda service is shut down"
        }
    }
}
