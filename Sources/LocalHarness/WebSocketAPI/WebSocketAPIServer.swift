import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// Serves a ``WebSocketGateway`` on a local address, as API Gateway serves a WebSocket API:
/// handshakes on `/` or `/<stage>`, the `@connections` API on the same port.
///
/// Binding and serving are two steps so that the port (with 0 asked, the one picked) is known
/// before the functions start: their `WEBSOCKET_MANAGEMENT_ENDPOINT` names it. Connections made
/// in between wait, unread, until ``run(_:)`` serves them.
public struct WebSocketAPIServer: Sendable {
    /// The port bound.
    public let port: Int
    private let listener: NIOAsyncChannel<any Channel, Never>

    private init(port: Int, listener: NIOAsyncChannel<any Channel, Never>) {
        self.port = port
        self.listener = listener
    }

    /// Listens on `host` and `port` (0 picks a free port).
    public static func bind(host: String = "127.0.0.1", port: Int = 3002) async throws -> WebSocketAPIServer {
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            // Nothing is read until `run` has a gateway to hand it to.
            .childChannelOption(.autoRead, value: false)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeSucceededFuture(channel)
            }
        return WebSocketAPIServer(port: listener.channel.localAddress?.port ?? port, listener: listener)
    }

    /// Serves connections until the calling task is cancelled, then closes every connection
    /// (1001, going away) and the port. Call it once.
    public func run(_ gateway: WebSocketGateway) async throws {
        let serverChannel = listener.channel
        try await withTaskCancellationHandler {
            try await listener.executeThenClose { channels in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await channel in channels {
                            group.addTask { await Self.serve(channel, gateway: gateway) }
                        }
                    } catch {
                        // The listening socket failed or was closed: stop accepting, finish the rest.
                    }
                }
            }
        } onCancel: {
            gateway.connections.closeAll(.shutdown)
            serverChannel.close(promise: nil)
        }
    }

    /// Serves one connection: decides its handshake, runs its messages' routes concurrently as
    /// API Gateway does (up to the configuration's bound at once), and once it has closed and its messages are done, its `$disconnect`.
    private static func serve(_ channel: any Channel, gateway: WebSocketGateway) async {
        let (events, continuation) = AsyncStream.makeStream(of: ConnectionEvent.self)
        channel.closeFuture.whenComplete { _ in continuation.finish() }
        do {
            try await channel.eventLoop.submit {
                try configurePipeline(of: channel, gateway: gateway, events: continuation)
            }.get()
            try await channel.setOption(.autoRead, value: true).get()
        } catch {
            channel.close(promise: nil)
            return
        }
        let maximumInFlight = gateway.configuration.maximumMessagesInFlight
        var accepted: (connection: WebSocketConnection, domainName: String?)?
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                // Message tasks not yet reaped: it bounds the ones still running.
                var unreaped = 0
                for await event in events {
                    switch event {
                    case .handshake(let handshake, let connection, let promise):
                        let decision = await gateway.connect(handshake, connection: connection)
                        if case .accept = decision { accepted = (connection, handshake.headers["host"]) }
                        promise.succeed(decision)
                    case .message(let text):
                        guard let (connection, domainName) = accepted else { continue }
                        if unreaped >= maximumInFlight {
                            // The client waits, unread, until a message finishes: a client
                            // sending faster than its routes run costs its socket's buffer,
                            // not the emulator's memory.
                            _ = channel.setOption(.autoRead, value: false)
                            await group.next()
                            unreaped -= 1
                            _ = channel.setOption(.autoRead, value: true)
                        }
                        group.addTask { await gateway.receive(text, from: connection, domainName: domainName) }
                        unreaped += 1
                    }
                }
            }
        } onCancel: {
            channel.close(promise: nil)
        }
        if let (connection, domainName) = accepted {
            await gateway.disconnect(connection, domainName: domainName)
        }
    }

    /// HTTP/1.1 with the WebSocket upgrade, whose `$connect` decision comes from the serving
    /// task; a refused handshake and plain requests go on to ``WebSocketHTTPHandler``.
    private static func configurePipeline(
        of channel: any Channel, gateway: WebSocketGateway, events: AsyncStream<ConnectionEvent>.Continuation
    ) throws {
        let refusal = NIOLoopBoundBox<GatewayResponse?>(nil, eventLoop: channel.eventLoop)
        let accepted = NIOLoopBoundBox<WebSocketConnection?>(nil, eventLoop: channel.eventLoop)
        let sourceIP = channel.remoteAddress?.ipAddress ?? "127.0.0.1"
        let serverPort = channel.localAddress?.port ?? 0
        let configuration = gateway.configuration
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: configuration.maximumFrameSize,
            // The frame handler closes with API Gateway's codes and records them for `$disconnect`.
            automaticErrorHandling: false,
            shouldUpgrade: { channel, head in
                var headers = HTTPHeaderList()
                for (name, value) in head.headers { headers.append(name, value) }
                let connection = WebSocketConnection(
                    id: gateway.connections.newID(), channel: channel, sourceIP: sourceIP,
                    userAgent: head.headers.first(name: "user-agent"), configuration: configuration)
                let decision = channel.eventLoop.makePromise(of: HandshakeDecision.self)
                // The serving task may never see the handshake (the emulator stopping drops the
                // events it has not taken): the promise must be completed all the same.
                channel.closeFuture.whenComplete { _ in decision.fail(ChannelError.ioOnClosedChannel) }
                let handshake = WebSocketHandshake(
                    target: head.uri, headers: headers, sourceIP: sourceIP, serverPort: serverPort)
                guard case .enqueued = events.yield(.handshake(handshake, connection: connection, decision: decision))
                else {
                    decision.fail(ChannelError.ioOnClosedChannel)
                    return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
                }
                return decision.futureResult.map { decision in
                    switch decision {
                    case .accept(let extraHeaders):
                        accepted.value = connection
                        return HTTPHeaders(extraHeaders.fields.map { ($0.name, $0.value) })
                    case .refuse(let response):
                        refusal.value = response
                        return nil
                    }
                }
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    guard let connection = accepted.value else { throw ChannelError.inappropriateOperationForState }
                    // Added only to an open channel, and removed on the same event loop once it
                    // has closed: the removal cannot come first, and a closed connection is gone
                    // for `@connections` at once, not once its messages and `$disconnect` are done.
                    guard channel.isActive else { throw ChannelError.ioOnClosedChannel }
                    try channel.pipeline.syncOperations.addHandler(
                        WebSocketFrameHandler(connection: connection, configuration: configuration, events: events))
                    gateway.connections.add(connection)
                    channel.closeFuture.whenComplete { _ in gateway.connections.remove(connection) }
                }
            }
        )
        let httpHandler = WebSocketHTTPHandler(gateway: gateway, refusal: refusal)
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
                upgraders: [upgrader],
                completionHandler: { context in
                    // Past the 101 the bytes are frames: the HTTP handler must not see them.
                    if let handler = try? context.pipeline.syncOperations.handler(type: WebSocketHTTPHandler.self) {
                        context.pipeline.syncOperations.removeHandler(handler, promise: nil)
                    }
                }
            ),
            withErrorHandling: true
        )
        try channel.pipeline.syncOperations.addHandler(httpHandler)
    }
}
