import Core
import Deployment
import Runtime

LambdaRuntime.run { context in try await MigrationHandler(context) }
