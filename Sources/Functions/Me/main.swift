import Core
import Runtime

LambdaRuntime.run { context in
    HTTPFunction(routes: AccountRoutes.me(try await ChronoViewServices.bootstrap(context)))
}
