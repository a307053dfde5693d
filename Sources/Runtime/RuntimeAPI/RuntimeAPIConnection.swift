import NIOCore
import NIOHTTP1
import NIOPosix

/// One persistent HTTP/1.1 connection to the Runtime API, living on the runtime's single event loop.
final class RuntimeAPIConnection: Sendable {
    let channel: any Channel
    private let collector: NIOLoopBound<ResponseCollector>

    private init(channel: any Channel, collector: NIOLoopBound<ResponseCollector>) {
        self.channel = channel
        self.collector = collector
    }

    static func connect(to endpoint: RuntimeAPIEndpoint, on eventLoop: any EventLoop) async throws
        -> RuntimeAPIConnection
    {
        do {
            let channel = try await ClientBootstrap(group: eventLoop)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(5))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseCollector())
                    }
                }
                .connect(host: endpoint.host, port: endpoint.port)
                .get()
            let collector = try await channel.eventLoop.submit {
                NIOLoopBound(
                    try channel.pipeline.syncOperations.handler(type: ResponseCollector.self),
                    eventLoop: channel.eventLoop
                )
            }.get()
            return RuntimeAPIConnection(channel: channel, collector: collector)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError.connectionFailed("\(endpoint.hostHeader): \(error)")
        }
    }

    var isActive: Bool { channel.isActive }

    func send(_ head: HTTPRequestHead, body: ByteBuffer?) async throws -> RuntimeAPIResponse {
        let eventLoop = channel.eventLoop
        let promise = eventLoop.makePromise(of: RuntimeAPIResponse.self)
        if eventLoop.inEventLoop {
            collector.value.send(head, body: body, promise: promise)
        } else {
            let collector = self.collector
            eventLoop.execute { collector.value.send(head, body: body, promise: promise) }
        }
        return try await promise.futureResult.get()
    }

    func close() async {
        try? await channel.close()
    }
}
