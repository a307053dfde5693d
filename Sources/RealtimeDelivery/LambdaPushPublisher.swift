import AWSClients
import AWSSigning
import Core
import LambdaEvents
import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Hands realtime messages to the `Push` function with `Event` invocations: `Ingest` runs in the
/// VPC and reaches Lambda through its interface endpoint, while `Push` runs outside the VPC,
/// where API Gateway's management API is (README.md, "Realtime").
public struct LambdaPushPublisher: PushPublisher {
    /// Connections per invocation: with about 100 bytes a connection a message, a batch of 5
    /// candles and a few alerts stays well inside an `Event` invocation's 1 MB.
    static let connectionsPerInvocation = 1_000
    /// How long an ingestion may wait for Lambda to accept its messages.
    static let handOffTimeout = TimeAmount.seconds(2)

    let invoker: LambdaInvoker
    let function: String

    /// The publisher `PUSH_FUNCTION_NAME` names, or `nil` without one: the realtime API is off.
    public init?(
        environment: EnvironmentVariables, eventLoop: any EventLoop, logger: Logger
    ) throws(ConfigurationError) {
        guard let function = environment["PUSH_FUNCTION_NAME"] else { return nil }
        let region = try environment.awsRegion()
        self.function = function
        invoker = LambdaInvoker(
            exchange: OutboundHTTPClient.exchange(on: eventLoop, logger: logger),
            endpoint: try environment.awsEndpoint(service: "lambda", region: region),
            signer: SigV4Signer(credentials: try environment.awsCredentials(), region: region, service: "lambda"))
    }

    public func publish(_ batch: PushBatch, logger: Logger) async {
        let deadline = NIODeadline.now() + Self.handOffTimeout
        let encoder = JSONEncoder()
        await withTaskGroup(of: Void.self) { group in
            for chunk in batch.chunked(connections: Self.connectionsPerInvocation) {
                group.addTask {
                    do {
                        let payload = Array(try encoder.encode(chunk))
                        try await invoker.invokeAsynchronously(function, payload: payload, deadline: deadline)
                    } catch {
                        logger.warning(
                            "realtime messages not handed to \(function)",
                            metadata: ["messages": "\(chunk.messages.count)", "error": "\(error)"])
                    }
                }
            }
        }
    }
}
