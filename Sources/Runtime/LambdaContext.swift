import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a handler knows about the invocation it serves.
public struct LambdaContext: Sendable {
    public var requestID: String { metadata.requestID }
    public var invokedFunctionARN: String { metadata.invokedFunctionARN }
    /// The X-Ray tracing header; also exported as `_X_AMZN_TRACE_ID` while the invocation runs.
    public var traceID: String? { metadata.traceID }
    public var clientContext: String? { metadata.clientContext }
    public var cognitoIdentity: String? { metadata.cognitoIdentity }
    /// When Lambda will stop the invocation, in milliseconds since the Unix epoch.
    public var deadlineMilliseconds: Int64 { metadata.deadlineMilliseconds }
    /// A logger whose every line carries this invocation's request id.
    public var logger: Logger
    /// The event loop the runtime runs on; I/O started here avoids thread hops.
    public let eventLoop: any EventLoop
    public let metadata: InvocationMetadata

    public init(metadata: InvocationMetadata, logger: Logger, eventLoop: any EventLoop) {
        self.metadata = metadata
        var logger = logger
        logger[metadataKey: "requestId"] = .string(metadata.requestID)
        self.logger = logger
        self.eventLoop = eventLoop
    }

    /// Time left before the deadline; zero or negative once it has passed.
    public var remainingTime: Duration {
        .milliseconds(deadlineMilliseconds - Self.nowMilliseconds())
    }

    static func nowMilliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
