import Core
import Runtime

// Invoked directly or by the candles queue's event source mapping, never by an HTTP route.
LambdaRuntime.run { context in try await IngestHandler(context) }
