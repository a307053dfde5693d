import Logging

/// Runs `body` with a local Lambda service, and shuts it down (every environment killed and
/// reaped) when `body` returns or throws, so that no process outlives the scope.
@discardableResult
public func withLocalLambda<Result>(
    functions: [FunctionDefinition],
    configuration: LocalLambda.Configuration = LocalLambda.Configuration(),
    logger: Logger = Logger(label: "chronoview.local-lambda"),
    outputHandler: (@Sendable (FunctionOutputLine) -> Void)? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (LocalLambda) async throws -> Result
) async throws -> Result {
    let lambda = try await LocalLambda(
        functions: functions,
        configuration: configuration,
        logger: logger,
        outputHandler: outputHandler
    )
    let result: Result
    do {
        result = try await body(lambda)
    } catch {
        await lambda.shutdown()
        throw error
    }
    await lambda.shutdown()
    return result
}
