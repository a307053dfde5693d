import NIOCore
import NIOHTTP1

/// Sends one request at a time on the connection and gathers the response it gets back.
///
/// The runtime never pipelines: Lambda's protocol is strictly request, response, request.
final class ResponseCollector: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = Never
    typealias OutboundOut = HTTPClientRequestPart

    private var context: ChannelHandlerContext?
    private var pending: EventLoopPromise<RuntimeAPIResponse>?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        fail(RuntimeError.connectionFailed("connection handler removed"))
    }

    /// Writes a request; `promise` completes with the response or the connection's failure.
    func send(_ head: HTTPRequestHead, body: ByteBuffer?, promise: EventLoopPromise<RuntimeAPIResponse>) {
        guard let context, context.channel.isActive else {
            promise.fail(RuntimeError.connectionFailed("connection is closed"))
            return
        }
        precondition(pending == nil, "the Runtime API protocol allows one request at a time")
        pending = promise
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            self.body = nil
        case .body(var part):
            if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
        case .end:
            guard let head, let pending else { return }
            let response = RuntimeAPIResponse(status: head.status, headers: head.headers, body: body)
            self.head = nil
            self.body = nil
            self.pending = nil
            pending.succeed(response)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(RuntimeError.connectionFailed("the Runtime API closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(RuntimeError.connectionFailed("\(error)"))
        context.close(promise: nil)
    }

    private func fail(_ error: RuntimeError) {
        let pending = self.pending
        self.pending = nil
        pending?.fail(error)
    }
}
