/// An `AWS::Serverless::Function` of the template, with its settings resolved (globals applied).
public struct TemplateFunction: Sendable, Hashable {
    /// The resource's logical id: `LoginFunction`.
    public var logicalID: String
    /// The function's name, which is also its executable's: the last folder of `CodeUri`
    /// (`.build/lambda/Login/` gives `Login`), or the logical id without its `Function` suffix.
    public var name: String
    public var timeout: Duration
    public var memorySizeMB: Int
    /// Variables whose values the template gives outright.
    public var environment: [String: String]
    /// Variables whose values only a deployment has (`!GetAtt Secret.Arn`), by name, as the
    /// template wrote them; a local run supplies its own values or leaves them unset.
    public var deployedOnlyEnvironment: [String: String]

    /// Lambda's defaults when neither the function nor `Globals` set them.
    public static let defaultTimeout = Duration.seconds(3)
    public static let defaultMemorySizeMB = 128

    public init(
        logicalID: String,
        name: String,
        timeout: Duration = TemplateFunction.defaultTimeout,
        memorySizeMB: Int = TemplateFunction.defaultMemorySizeMB,
        environment: [String: String] = [:],
        deployedOnlyEnvironment: [String: String] = [:]
    ) {
        self.logicalID = logicalID
        self.name = name
        self.timeout = timeout
        self.memorySizeMB = memorySizeMB
        self.environment = environment
        self.deployedOnlyEnvironment = deployedOnlyEnvironment
    }
}
