import Core
import Runtime

LambdaRuntime.run { context in
    HTTPFunction(routes: HealthRoutes.health(try await ChronoViewServices.bootstrap(context)))
}
