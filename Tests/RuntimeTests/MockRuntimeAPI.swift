import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import TestSupport

/// An in-process Runtime API that hands out the events it was given, one per `GET /next`,
/// records what the runtime posts back, and closes the connection once the events run out, as
/// Lambda does when it ends the environment.
final class MockRuntimeAPI: Sendable {
    /// One request the runtime made: `POST /2018-06-01/runtime/invocation/1/response`, say.
    struct Post: Sendable, Equatable {
        var path: String
        var errorType: String?
        var body: String
    }

    private struct State {
        var events: [String]
        var handedOut = 0
        var posts: [Post] = []
    }

    private let state: Mutex<State>

    init(events: [String]) {
        state = Mutex(State(events: events))
    }

    var posts: [Post] { state.withLock { $0.posts } }

    /// Serves on a free port of 127.0.0.1 until `body` returns.
    func serve<Result>(_ body: (_ endpoint: String) async throws -> Result) async throws -> Result {
        let channel = try await LoopbackHTTPServer.start { RequestHandler(api: self) }
        do {
            let result = try await body("127.0.0.1:\(channel.localAddress!.port!)")
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// The next event and its request id (its 1-based position), or `nil` when none is left.
    fileprivate func next() -> (id: String, event: String)? {
        state.withLock { state in
            guard state.handedOut < state.events.count else { return nil }
            state.handedOut += 1
            return (String(state.handedOut), state.events[state.handedOut - 1])
        }
    }

    fileprivate func record(_ post: Post) {
        state.withLock { $0.posts.append(post) }
    }

    private final class RequestHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let api: MockRuntimeAPI
        private let pending = Mutex<(head: HTTPRequestHead?, body: String)>((nil, ""))

        init(api: MockRuntimeAPI) {
            self.api = api
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                pending.withLock { $0 = (head, "") }
            case .body(let buffer):
                pending.withLock { $0.body += String(buffer: buffer) }
            case .end:
                let (head, body) = pending.withLock { $0 }
                guard let head else { return }
                answer(head, body: body, context: context)
            }
        }

        private func answer(_ head: HTTPRequestHead, body: String, context: ChannelHandlerContext) {
            if head.method == .GET, head.uri.hasSuffix("/runtime/invocation/next") {
                guard let (id, event) = api.next() else {
                    context.close(promise: nil)
                    return
                }
                let deadline = Int64(NIODeadline.now().uptimeNanoseconds / 1_000_000) + 60_000
                respond(
                    200, body: event,
                    headers: [
                        ("Lambda-Runtime-Aws-Request-Id", id), ("Lambda-Runtime-Deadline-Ms", String(deadline)),
                        ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:mock"),
                        ("Lambda-Runtime-Trace-Id", "Root=1-00000000-00000000000000000000000\(id)"),
                        ("Content-Type", "application/json"),
                    ], context: context)
                return
            }
            api.record(
                Post(
                    path: head.uri, errorType: head.headers.first(name: "Lambda-Runtime-Function-Error-Type"),
                    body: body))
            respond(202, body: #"{"status":"OK"}"#, headers: [], context: context)
        }

        private func respond(
            _ status: Int, body: String, headers: [(String, String)], context: ChannelHandlerContext
        ) {
            var fields = HTTPHeaders(headers)
            fields.add(name: "Content-Length", value: String(body.utf8.count))
            context.write(
                wrapOutboundOut(
                    .head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields))),
                promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
