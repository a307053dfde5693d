import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import TestSupport

/// A Runtime API that takes its time: it hands out one invocation after ``delay``, accepts
/// its response after ``delay`` again, and then closes every connection, as a Lambda service
/// shutting the environment down would.
final class SlowRuntimeAPI: Sendable {
    static let requestID = "slow-request-1"

    let delay: TimeAmount
    private let state = Mutex(State())

    private struct State {
        var invocationsHandedOut = 0
        var responses: [String] = []
    }

    init(delay: TimeAmount) {
        self.delay = delay
    }

    /// The bodies the runtime posted as responses.
    var responses: [String] { state.withLock { $0.responses } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { RequestHandler(api: self) }
    }

    fileprivate enum Answer {
        case invocation
        case accepted
    }

    /// What to answer to a request for `uri` with `body`; `nil` to close the connection.
    fileprivate func answer(method: HTTPMethod, uri: String, body: String) -> Answer? {
        state.withLock { state in
            if method == .GET, uri.hasSuffix("/invocation/next"), state.invocationsHandedOut == 0 {
                state.invocationsHandedOut += 1
                return .invocation
            }
            if method == .POST, uri.hasSuffix("/invocation/\(Self.requestID)/response") {
                state.responses.append(body)
                return .accepted
            }
            return nil
        }
    }

    private final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let api: SlowRuntimeAPI
        private var head: HTTPRequestHead?
        private var body = ""

        init(api: SlowRuntimeAPI) {
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
                guard let head else { return }
                guard let answer = api.answer(method: head.method, uri: head.uri, body: body) else {
                    context.close(promise: nil)
                    return
                }
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: api.delay) {
                    Self.reply(answer, on: loopBound.value)
                }
            }
        }

        private static func reply(_ answer: Answer, on context: ChannelHandlerContext) {
            var headers = HTTPHeaders()
            let status: HTTPResponseStatus
            let body: String
            switch answer {
            case .invocation:
                status = .ok
                body = "slow event"
                let deadline = (NIODeadline.now().uptimeNanoseconds / 1_000_000) + 60_000
                headers.add(name: "Lambda-Runtime-Aws-Request-Id", value: SlowRuntimeAPI.requestID)
                headers.add(name: "Lambda-Runtime-Deadline-Ms", value: String(deadline))
                headers.add(
                    name: "Lambda-Runtime-Invoked-Function-Arn",
                    value: "arn:aws:lambda:us-east-1:000000000000:function:slow")
            case .accepted:
                status = .accepted
                body = #"{"status":"OK"}"#
            }
            headers.add(name: "content-length", value: String(body.utf8.count))
            context.write(
                NIOAny(
                    HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))),
                promise: nil)
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        }
    }
}
