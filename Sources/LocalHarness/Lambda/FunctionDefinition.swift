/// A function as the local Lambda service runs it: which executable, with what settings.
public struct FunctionDefinition: Sendable, Hashable {
    /// The function's name (`Login`, say); also `AWS_LAMBDA_FUNCTION_NAME`.
    public var name: String
    /// Path of the executable that speaks the Runtime API (a built function, or any other runtime client).
    public var executablePath: String
    public var arguments: [String]
    /// The function's own environment, added to Lambda's standard variables.
    public var environment: [String: String]
    public var timeout: Duration
    public var memorySizeMB: Int
    /// How many execution environments may run at once; invocations beyond that wait for one.
    public var maximumEnvironments: Int

    public init(
        name: String,
        executablePath: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(30),
        memorySizeMB: Int = 128,
        maximumEnvironments: Int = 4
    ) {
        self.name = name
        self.executablePath = executablePath
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.memorySizeMB = memorySizeMB
        self.maximumEnvironments = maximumEnvironments
    }
}
