import Core
import Runtime

LambdaRuntime.run { context in
    HTTPFunction(routes: AccountRoutes.login(try await ChronoViewServices.bootstrap(context)))
}
