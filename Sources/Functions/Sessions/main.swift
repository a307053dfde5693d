import Core
import Runtime

LambdaRuntime.run { context in
    HTTPFunction(routes: AccountRoutes.sessions(try await ChronoViewServices.bootstrap(context)))
}
