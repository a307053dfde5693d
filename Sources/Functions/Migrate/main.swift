import Core
import Runtime

LambdaRuntime.run { context in try await MigrationHandler(context) }
