import Runtime

/// The process environment as a value, so configuration can be read from a dictionary in tests.
public struct EnvironmentVariables: Sendable {
    private let lookup: @Sendable (String) -> String?

    public init(_ values: [String: String]) {
        lookup = { values[$0] }
    }

    /// The running process's environment.
    public static var process: EnvironmentVariables {
        EnvironmentVariables(lookup: LambdaEnvironment.variable)
    }

    private init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
    }

    /// The variable's value; an empty value counts as unset.
    public subscript(_ name: String) -> String? {
        guard let value = lookup(name), !value.isEmpty else { return nil }
        return value
    }

    /// Parses an integer setting within `range`, or returns `fallback` when unset.
    public func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(ConfigurationError)
        -> Int
    {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                variable: name, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
