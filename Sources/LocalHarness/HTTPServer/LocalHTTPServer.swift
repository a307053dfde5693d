import NIOCore
import NIOHTTP1
import NIOPosix

/// The HTTP/1.1 front of the local emulators (``HTTPAPIServer``, ``InvokeAPIServer``): listens
/// on a local address and hands each request, body collected, to its responder.
///
/// Plain SwiftNIO, like the Runtime API server beside it: one task a connection, requests
/// answered in order, bodies collected up to the responder's limit.
struct LocalHTTPServer<Responder: LocalHTTPResponder>: Sendable {
    var responder: Responder
    var host: String
    /// 0 picks a free port; the one bound is passed to `onListening`.
    var port: Int

    private typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// Listens until the calling task is cancelled, then closes the port and every connection.
    /// `onListening` receives the bound port once requests can be sent.
    func run(onListening: @Sendable (Int) async -> Void) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let serverChannel = server.channel
        try await withTaskCancellationHandler {
            try await server.executeThenClose { connections in
                await onListening(serverChannel.localAddress?.port ?? port)
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await serve(connection) }
                        }
                    } catch {
                        // The listening socket failed or was closed: stop accepting, finish the rest.
                    }
                }
            }
        } onCancel: {
            serverChannel.close(promise: nil)
        }
    }

    /// Answers a connection's requests in order until the client closes it or stops keeping it alive.
    private func serve(_ connection: Connection) async {
        let sourceIP = connection.channel.remoteAddress?.ipAddress ?? "127.0.0.1"
        let serverPort = connection.channel.localAddress?.port ?? port
        let limit = responder.maximumBodySize
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            var bodySize = 0
            var tooLarge = false
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                    bodySize = 0
                    let declared = requestHead.headers.first(name: "content-length").flatMap { Int($0) } ?? 0
                    tooLarge = declared > limit
                    // curl and others wait a second for this before sending a body of any size.
                    if !tooLarge, requestHead.headers.first(name: "expect")?.lowercased() == "100-continue" {
                        try await outbound.write(
                            .head(HTTPResponseHead(version: requestHead.version, status: .continue)))
                    }
                case .body(var chunk):
                    bodySize += chunk.readableBytes
                    // Over the limit the rest is read and dropped, so the client gets its answer.
                    guard !tooLarge else { continue }
                    if bodySize > limit {
                        tooLarge = true
                        body.clear()
                    } else {
                        body.writeBuffer(&chunk)
                    }
                case .end:
                    guard let requestHead = head else { continue }
                    head = nil
                    var headers = HTTPHeaderList()
                    for (name, value) in requestHead.headers { headers.append(name, value) }
                    let request = GatewayRequest(
                        method: requestHead.method.rawValue,
                        target: requestHead.uri,
                        headers: headers,
                        body: tooLarge ? [] : Array(buffer: body),
                        sourceIP: sourceIP,
                        serverPort: serverPort
                    )
                    let response =
                        tooLarge
                        ? await responder.respondToOversizedRequest(request, bodySize: bodySize)
                        : await responder.respond(to: request)
                    try await write(response, for: requestHead, to: outbound)
                    if !requestHead.isKeepAlive { return }
                }
            }
        }
    }

    private func write(
        _ response: GatewayResponse, for request: HTTPRequestHead,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = HTTPHeaders()
        for field in response.headers.fields where field.name.lowercased() != "date" {
            headers.add(name: field.name, value: field.value)
        }
        headers.replaceOrAdd(name: "date", value: RequestTime.now().httpDate)
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        if !request.isKeepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        try await outbound.write(.head(head))
        // A HEAD response announces the body's length but carries none.
        if request.method != .HEAD && !response.body.isEmpty {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
        }
        try await outbound.write(.end(nil))
    }
}
