/// A function as the local Lambda service runs it: which executable, with what settings.
public struct FunctionDefinition: Sendable, Hashable {
    /// The function's name (`Login`, say); also `AWS_LAMBDA_FUNCTION_NAME`.
    public var name: String
    /// Path of the executable that speaks the Runtime API (a built function, or any other runtime client).
    /// Its folder is the environment's `LAMBDA_TASK_ROOT` and working directory.
    public var executablePath: String
    /// Arguments for the executable (Lambda passes none to a `bootstrap`; other runtime clients may want some).
    public var arguments: [String]
    /// The function's own environment, added to Lambda's standard variables (Lambda's reserved
    /// variables, such as `AWS_REGION` or `TZ`, cannot be overridden).
    public var environment: [String: String]
    /// How long one invocation may run before the environment is killed (`Sandbox.Timedout`).
    public var timeout: Duration
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, and the `Memory Size` of the `REPORT` line.
    public var memorySizeMB: Int
    /// How many execution environments may run at once; invocations beyond that wait for one.
    public var maximumEnvironments: Int
    /// `_HANDLER`: the handler setting of the function's configuration.
    public var handler: String

    /// A function; the defaults are Lambda's, but for the timeout (3 seconds on Lambda), made
    /// longer for debugging.
    public init(
        name: String,
        executablePath: String,
        arguments: [String] = [],
        environment: [String: String] = [:],
        timeout: Duration = .seconds(30),
        memorySizeMB: Int = 128,
        maximumEnvironments: Int = 4,
        handler: String = "bootstrap"
    ) {
        self.name = name
        self.executablePath = executablePath
        self.arguments = arguments
        self.environment = environment
        self.timeout = timeout
        self.memorySizeMB = memorySizeMB
        self.maximumEnvironments = maximumEnvironments
        self.handler = handler
    }
}
