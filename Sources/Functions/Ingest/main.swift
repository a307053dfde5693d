import Core
import RealtimeDelivery
import Runtime

// Invoked directly or by the candles queue's event source mapping, never by an HTTP route; it
// hands the realtime messages of each ingestion to Push when PUSH_FUNCTION_NAME names it.
LambdaRuntime.run { context in
    try await IngestHandler(
        context,
        publisher: try LambdaPushPublisher(environment: .process, eventLoop: context.eventLoop, logger: context.logger))
}
