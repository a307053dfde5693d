/// How a local run turns the template's functions into function definitions for the local
/// Lambda service: which executable, and which environment.
///
/// A function's environment is the template's (with `Globals`), less what points at the
/// deployed stack, plus the local settings (the local database and JWT secret, the local
/// WebSocket API's management endpoint), plus the developer's overrides (`--env-file`), each
/// layer winning over the one before.
public struct LocalFunctionSettings: Sendable {
    /// The folder of the built executables: the function `Login` is `<buildPath>/Login`.
    public var buildPath: String
    /// What the local run sets for every function (`DATABASE_URL`, `JWT_SECRET`...).
    public var localEnvironment: [String: String]
    public var overrides: EnvironmentOverrides
    /// The ceiling on each function's concurrent execution environments.
    public var maximumEnvironments: Int
    /// The local WebSocket API's `@connections` endpoint (`http://127.0.0.1:3002`): it replaces
    /// ``webSocketManagementEndpointVariable`` for the functions whose template declares it,
    /// which in AWS names the deployed API. `nil` leaves the template's value.
    public var webSocketManagementEndpoint: String?

    /// The variable through which functions find the WebSocket API's `@connections` endpoint.
    public static let webSocketManagementEndpointVariable = "WEBSOCKET_MANAGEMENT_ENDPOINT"

    public init(
        buildPath: String,
        localEnvironment: [String: String] = [:],
        overrides: EnvironmentOverrides = EnvironmentOverrides(),
        maximumEnvironments: Int = 4,
        webSocketManagementEndpoint: String? = nil
    ) {
        self.buildPath = buildPath
        self.localEnvironment = localEnvironment
        self.overrides = overrides
        self.maximumEnvironments = maximumEnvironments
        self.webSocketManagementEndpoint = webSocketManagementEndpoint
    }

    public func definition(for function: TemplateFunction) -> FunctionDefinition {
        var environment = function.environment
        if localEnvironment["DATABASE_URL"] != nil {
            // The template's libpq settings name the deployed database (its proxy, its TLS root
            // certificate, its IAM sign-in); with a local DATABASE_URL they would only contradict it.
            environment = environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_AUTH" }
        }
        environment.merge(localEnvironment) { $1 }
        let variable = Self.webSocketManagementEndpointVariable
        if let webSocketManagementEndpoint,
            function.environment[variable] != nil || function.deployedOnlyEnvironment[variable] != nil
        {
            environment[variable] = webSocketManagementEndpoint
        }
        environment.merge(overrides.variables(for: function)) { $1 }
        let directory = buildPath.hasSuffix("/") ? String(buildPath.dropLast()) : buildPath
        return FunctionDefinition(
            name: function.name,
            executablePath: "\(directory)/\(function.name)",
            environment: environment,
            timeout: function.timeout,
            memorySizeMB: function.memorySizeMB,
            maximumEnvironments: maximumEnvironments
        )
    }
}
