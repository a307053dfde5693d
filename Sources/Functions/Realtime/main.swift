import Core
import Runtime

// Behind the WebSocket API's $connect, $default and $disconnect routes, and the sweep's schedule.
LambdaRuntime.run { context in try await RealtimeHandler(context) }
