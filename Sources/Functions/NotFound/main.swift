import Core
import Runtime

// Behind the catch-all route: every request it sees is for a route that does not exist.
LambdaRuntime.run { _ in HTTPFunction(routes: [:]) }
