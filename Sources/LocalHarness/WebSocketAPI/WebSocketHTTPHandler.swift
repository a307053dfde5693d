import NIOCore
import NIOHTTP1

/// Answers the plain HTTP requests of the WebSocket API's port: `@connections` requests, and
/// handshakes that `$connect` refused, with the refusal the upgrader left for it.
///
/// Bodies are collected up to the `@connections` payload limit; a larger one is read and
/// dropped, so that the client, still sending, gets its 413.
final class WebSocketHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let gateway: WebSocketGateway
    /// Set by the upgrader when `$connect` refuses the handshake, before its request arrives here.
    private let refusal: NIOLoopBoundBox<GatewayResponse?>
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(gateway: WebSocketGateway, refusal: NIOLoopBoundBox<GatewayResponse?>) {
        self.gateway = gateway
        self.refusal = refusal
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(let chunk):
            // One byte over the limit is enough to know the request is too large.
            if body.count <= gateway.configuration.maximumMessageSize {
                body += chunk.readableBytesView.prefix(gateway.configuration.maximumMessageSize + 1 - body.count)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let response: GatewayResponse
            if let refused = refusal.value {
                refusal.value = nil
                response = refused
            } else {
                var headers = HTTPHeaderList()
                for (name, value) in requestHead.headers { headers.append(name, value) }
                let request = GatewayRequest(
                    method: requestHead.method.rawValue, target: requestHead.uri, headers: headers, body: body,
                    sourceIP: context.channel.remoteAddress?.ipAddress ?? "127.0.0.1",
                    serverPort: context.channel.localAddress?.port ?? 0)
                response = gateway.respond(to: request)
            }
            write(response, for: requestHead, context: context)
        }
    }

    private func write(_ response: GatewayResponse, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        for field in response.headers.fields { headers.add(name: field.name, value: field.value) }
        headers.replaceOrAdd(name: "date", value: RequestTime.now().httpDate)
        headers.replaceOrAdd(name: "content-length", value: String(response.body.count))
        // A refused handshake ends the connection, as API Gateway ends it.
        let keepAlive = request.isKeepAlive && request.headers["upgrade"].isEmpty
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
