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

/// The `Push` function: sends the realtime messages `Ingest` hands it (a ``PushBatch``) to their
/// connections through API Gateway's management API, and tells `Realtime` of the connections
/// that are gone. Outside the VPC, so it reaches API Gateway without a NAT gateway, and without
/// any database access.
public struct PushHandler: LambdaHandler {
    /// Time kept back from the invocation's deadline to report gone connections.
    static let reserve = TimeAmount.milliseconds(500)

    let delivery: PushDelivery
    let invoker: LambdaInvoker
    let realtimeFunction: String?

    public init(_ context: LambdaInitializationContext, environment: EnvironmentVariables = .process) throws {
        let settings = try PushSettings.read(environment)
        let exchange = OutboundHTTPClient.exchange(on: context.eventLoop, logger: context.logger)
        delivery = PushDelivery(
            connections: ConnectionsClient(
                exchange: exchange, endpoint: settings.managementEndpoint,
                signer: SigV4Signer(credentials: settings.credentials, region: settings.region, service: "execute-api")),
            concurrency: settings.concurrency,
            timeout: .milliseconds(Int64(settings.timeoutMilliseconds)))
        invoker = LambdaInvoker(
            exchange: exchange, endpoint: settings.lambdaEndpoint,
            signer: SigV4Signer(credentials: settings.credentials, region: settings.region, service: "lambda"))
        realtimeFunction = settings.realtimeFunction
    }

    public func handle(_ batch: PushBatch, context: LambdaContext) async throws -> PushSummary {
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let deadline = NIODeadline.now() + .milliseconds(context.deadlineMilliseconds - now) - Self.reserve
        let (summary, gone) = await delivery.deliver(batch, until: deadline, logger: context.logger)
        if let realtimeFunction, !gone.isEmpty {
            do {
                let payload = Array(try JSONEncoder().encode(GoneConnections(connectionIds: gone)))
                try await invoker.invokeAsynchronously(
                    realtimeFunction, payload: payload, deadline: .now() + Self.reserve)
            } catch {
                context.logger.warning(
                    "gone connections left to the sweep", metadata: ["count": "\(gone.count)", "error": "\(error)"])
            }
        }
        context.logger.info(
            "pushed",
            metadata: [
                "delivered": "\(summary.delivered)", "gone": "\(summary.gone)", "failed": "\(summary.failed)",
            ])
        return summary
    }
}
