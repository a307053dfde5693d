import NIOCore
import NIOHTTP1

/// One whole request a stand-in server received.
public struct LoopbackRequest: Sendable {
    public var method: HTTPMethod
    public var uri: String
    public var body: String
}

/// What a stand-in server answers to a request, after ``delay``.
public struct LoopbackReply: Sendable {
    public var status: HTTPResponseStatus
    public var headers: HTTPHeaders
    public var body: String
    public var delay: TimeAmount

    public init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: String = "", delay: TimeAmount = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }
}

extension LoopbackHTTPServer {
    /// A server that reads each request whole and answers with `answer`'s reply, or closes the
    /// connection when `answer` gives none: the shape of every service a test plays.
    public static func start(answering answer: @escaping @Sendable (LoopbackRequest) -> LoopbackReply?)
        async throws -> any Channel
    {
        try await start { WholeRequestHandler(answer: answer) }
    }
}

/// Collects a request's head and body, then sends the reply the stand-in chooses.
private final class WholeRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let answer: @Sendable (LoopbackRequest) -> LoopbackReply?
    private var head: HTTPRequestHead?
    private var body = ""

    init(answer: @escaping @Sendable (LoopbackRequest) -> LoopbackReply?) {
        self.answer = answer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = ""
        case .body(let bytes):
            body += String(buffer: bytes)
        case .end:
            guard let head, let reply = answer(LoopbackRequest(method: head.method, uri: head.uri, body: body))
            else {
                context.close(promise: nil)
                return
            }
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: reply.delay) { Self.send(reply, on: loopBound.value) }
        }
    }

    private static func send(_ reply: LoopbackReply, on context: ChannelHandlerContext) {
        var headers = reply.headers
        headers.replaceOrAdd(name: "content-length", value: String(reply.body.utf8.count))
        context.write(
            NIOAny(
                HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers))
            ),
            promise: nil)
        if !reply.body.isEmpty {
            context.write(
                NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: reply.body)))), promise: nil)
        }
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
    }
}
