/// Serves an ``InvokeAPIService`` over HTTP/1.1 on a local address, as
/// `sam local start-lambda` does: `aws lambda invoke --endpoint-url http://127.0.0.1:3001 ...`.
///
/// The same server as ``HTTPAPIServer``'s, with Lambda's 6 MB payload limit; `Event`
/// invocations run in tasks of the server's own, cancelled when it stops.
public struct InvokeAPIServer: Sendable {
    public var service: InvokeAPIService
    public var host: String
    /// 0 picks a free port; the one bound is passed to `onListening`.
    public var port: Int

    public init(service: InvokeAPIService, host: String = "127.0.0.1", port: Int = 3001) {
        self.service = service
        self.host = host
        self.port = port
    }

    /// Listens until the calling task is cancelled, then closes the port and every connection
    /// and cancels the `Event` invocations still running. `onListening` receives the bound port
    /// once requests can be sent.
    public func run(onListening: @Sendable (Int) async -> Void = { _ in }) async throws {
        let (events, queue) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
        let server = LocalHTTPServer(responder: Responder(service: service, queue: queue), host: host, port: port)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                await withDiscardingTaskGroup { invocations in
                    for await event in events { invocations.addTask { await event() } }
                }
            }
            // The server returns when cancelled: the events go with it.
            defer { group.cancelAll() }
            try await server.run(onListening: onListening)
        }
    }

    /// Lambda behind the port: it hands `Event` invocations to the server's queue.
    private struct Responder: LocalHTTPResponder {
        var service: InvokeAPIService
        var queue: AsyncStream<@Sendable () async -> Void>.Continuation

        var maximumBodySize: Int { PayloadLimit.bytes }

        func respond(to request: GatewayRequest) async -> GatewayResponse {
            let answer = await service.respond(to: request)
            if let event = answer.eventInvocation { queue.yield(event) }
            return answer.response
        }

        func respondToOversizedRequest(_ request: GatewayRequest, bodySize: Int) async -> GatewayResponse {
            service.respondToOversizedRequest(request, bodySize: bodySize)
        }
    }
}
