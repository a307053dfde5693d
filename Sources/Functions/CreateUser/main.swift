import Core
import Runtime

LambdaRuntime.run { context in
    HTTPFunction(routes: AccountRoutes.createUser(try await ChronoViewServices.bootstrap(context)))
}
