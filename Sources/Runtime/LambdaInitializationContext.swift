import Logging
import NIOCore

/// What a function has at hand while it initialises, before its first invocation.
public struct LambdaInitializationContext: Sendable {
    public let logger: Logger
    public let eventLoop: any EventLoop
    public let environment: LambdaEnvironment
    private let services: AsyncStream<@Sendable () async -> Void>.Continuation

    init(
        logger: Logger,
        eventLoop: any EventLoop,
        environment: LambdaEnvironment,
        services: AsyncStream<@Sendable () async -> Void>.Continuation
    ) {
        self.logger = logger
        self.eventLoop = eventLoop
        self.environment = environment
        self.services = services
    }

    /// Runs `service` for the life of the execution environment, beside the invocation loop,
    /// starting at once (a connection pool's `run()`, say). It is cancelled when the loop stops,
    /// and the process does not wait more than ``LambdaRuntime/stopGracePeriod`` for it to end.
    public func runInBackground(_ service: @escaping @Sendable () async -> Void) {
        services.yield(service)
    }
}
