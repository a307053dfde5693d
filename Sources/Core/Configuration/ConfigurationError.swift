/// A setting is missing or malformed. Raised during a function's initialisation, so that Lambda
/// reports an init error naming the variable rather than serving with a silent default.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment variable at fault.
    public var variable: String
    public var problem: String

    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    public var description: String { "\(variable): \(problem)" }
}
