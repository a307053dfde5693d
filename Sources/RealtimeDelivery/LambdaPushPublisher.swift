import AWSClients
import AWSSigning
import Core
import LambdaEvents
import Logging
import NIOCore
import Runtime
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Hands realtime messages to the `Push` function with `Event` invocations: `Ingest` runs in the
/// VPC and reaches Lambda through its interface endpoint, while `Push` runs outside the VPC,
/// where API Gateway's management API is (README.md, "Realtime").
public final class LambdaPushPublisher: PushPublisher {
    /// The most an invocation carries: an `Event` invocation takes 1 MB (256 KB in some
    /// accounts' older limit), and a batch for many connections is split below it.
    static let maximumPayloadBytes = 256 * 1024
    /// How long an ingestion may wait for Lambda to accept its messages, by default.
    public static let defaultHandOffTimeout = TimeAmount.seconds(1)
    /// After a failed hand-off, how long ingestions skip pushing rather than each wait out
    /// its hand-off timeout again: an outage costs one timeout this often, not one an ingestion.
    static let pause = Duration.seconds(30)

    let invoker: LambdaInvoker
    let function: String
    let handOffTimeout: TimeAmount
    /// Until when pushing is paused, after a failed hand-off.
    private let pausedUntil = Mutex<ContinuousClock.Instant?>(nil)

    /// The publisher `PUSH_FUNCTION_NAME` names, or `nil` without one: the realtime API is off.
    public init?(
        environment: EnvironmentVariables, eventLoop: any EventLoop, logger: Logger,
        handOffTimeout: TimeAmount = defaultHandOffTimeout
    ) throws(ConfigurationError) {
        guard let function = environment["PUSH_FUNCTION_NAME"] else { return nil }
        let region = try environment.awsRegion()
        self.function = function
        self.handOffTimeout = handOffTimeout
        invoker = LambdaInvoker(
            exchange: OutboundHTTPClient.exchange(on: eventLoop, logger: logger),
            endpoint: try environment.awsEndpoint(service: "lambda", region: region),
            signer: SigV4Signer(credentials: try environment.awsCredentials(), region: region, service: "lambda"))
    }

    public func publish(_ batch: PushBatch, logger: Logger) async {
        let now = ContinuousClock.now
        if let until = pausedUntil.withLock({ $0 }), now < until {
            logger.debug("realtime messages dropped: pushing is paused after a failed hand-off")
            return
        }
        let deadline = NIODeadline.now() + handOffTimeout
        let (invoker, function) = (self.invoker, self.function)
        let encoder = JSONEncoder()
        let failed = await withTaskGroup(of: Bool.self) { group in
            for chunk in batch.chunked(maximumBytes: Self.maximumPayloadBytes) {
                group.addTask {
                    do {
                        let payload = Array(try encoder.encode(chunk))
                        try await invoker.invokeAsynchronously(function, payload: payload, deadline: deadline)
                        return false
                    } catch {
                        logger.warning(
                            "realtime messages not handed to \(function)",
                            metadata: ["messages": "\(chunk.messages.count)", "error": "\(error)"])
                        return true
                    }
                }
            }
            return await group.contains(true)
        }
        if failed {
            logger.warning("pushing paused", metadata: ["seconds": "\(Self.pause.components.seconds)"])
            pausedUntil.withLock { $0 = ContinuousClock.now + Self.pause }
        }
    }
}
