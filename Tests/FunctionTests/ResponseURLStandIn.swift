import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// Plays the S3 object behind a CloudFormation custom resource's pre-signed `ResponseURL`:
/// it accepts every `PUT` with 200 and keeps what was sent.
final class ResponseURLStandIn: Sendable {
    struct Upload: Sendable {
        var uri: String
        var body: String
    }

    private let received = Mutex<[Upload]>([])

    /// The `PUT`s received, in order.
    var uploads: [Upload] { received.withLock { $0 } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { RequestHandler(standIn: self) }
    }

    private final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let standIn: ResponseURLStandIn
        private var head: HTTPRequestHead?
        private var body = ""

        init(standIn: ResponseURLStandIn) {
            self.standIn = standIn
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = ""
            case .body(let bytes):
                body += String(buffer: bytes)
            case .end:
                guard let head, head.method == .PUT else {
                    context.close(promise: nil)
                    return
                }
                standIn.received.withLock { $0.append(Upload(uri: head.uri, body: body)) }
                var headers = HTTPHeaders()
                headers.add(name: "content-length", value: "0")
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))),
                    promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
