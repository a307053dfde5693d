import Core
import Runtime

LambdaRuntime.run { context in
    MigrationHandler(services: try await ChronoViewServices.bootstrap(context))
}
