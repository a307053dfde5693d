import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// A Runtime API that only accepts an initialisation error, as Lambda does before it stops the
/// environment: it answers the `init/error` post with 202 and closes any other connection.
final class InitErrorRuntimeAPI: Sendable {
    private let reported = Mutex<[String]>([])

    /// The bodies of the initialisation errors posted.
    var initErrors: [String] { reported.withLock { $0 } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { RequestHandler(api: self) }
    }

    private final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let api: InitErrorRuntimeAPI
        private var head: HTTPRequestHead?
        private var body = ""

        init(api: InitErrorRuntimeAPI) {
            self.api = api
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = ""
            case .body(let bytes):
                body += String(buffer: bytes)
            case .end:
                guard let head, head.method == .POST, head.uri.hasSuffix("/runtime/init/error") else {
                    context.close(promise: nil)
                    return
                }
                api.reported.withLock { $0.append(body) }
                let answer = #"{"status":"OK"}"#
                var headers = HTTPHeaders()
                headers.add(name: "content-length", value: String(answer.utf8.count))
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .accepted, headers: headers))),
                    promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
