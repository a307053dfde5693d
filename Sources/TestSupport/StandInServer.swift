import NIOCore
import NIOHTTP1
import Synchronization

/// A service a program talks to (an exchange, SQS, Lambda, API Gateway's management API),
/// played on a free port of 127.0.0.1: it records every request and answers each as the test
/// says, or never.
public final class StandInServer: Sendable {
    public struct Request: Sendable {
        public var method: HTTPMethod
        public var uri: String
        public var headers: HTTPHeaders
        public var body: [UInt8]

        /// The query parameter's value (this server's requests need no decoding).
        public func query(_ name: String) -> String? {
            guard let query = uri.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            for pair in query.split(separator: "&") where pair.hasPrefix("\(name)=") {
                return String(pair.dropFirst(name.count + 1))
            }
            return nil
        }
    }

    public enum Reply: Sendable {
        case answer(status: Int, headers: [(String, String)] = [], body: String)
        /// Reads the request and says nothing, keeping the connection open.
        case silence
    }

    private let reply: @Sendable (Request) -> Reply
    private let received = Mutex<[Request]>([])

    private init(reply: @escaping @Sendable (Request) -> Reply) {
        self.reply = reply
    }

    public var requests: [Request] { received.withLock { $0 } }

    /// Serves until `body` returns; `body` gets the server's base URL (`http://127.0.0.1:PORT`).
    public static func with<Result>(
        _ reply: @escaping @Sendable (Request) -> Reply,
        _ body: (StandInServer, String) async throws -> Result
    ) async throws -> Result {
        let server = StandInServer(reply: reply)
        let channel = try await LoopbackHTTPServer.start { RequestHandler(server: server) }
        do {
            let result = try await body(server, "http://127.0.0.1:\(channel.localAddress!.port!)")
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    fileprivate func answer(_ request: Request) -> Reply {
        received.withLock { $0.append(request) }
        return reply(request)
    }

    private final class RequestHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let server: StandInServer
        private let pending = Mutex<Request?>(nil)

        init(server: StandInServer) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                pending.withLock { $0 = Request(method: head.method, uri: head.uri, headers: head.headers, body: []) }
            case .body(let buffer):
                pending.withLock { $0?.body += buffer.readableBytesView }
            case .end:
                guard let request = pending.withLock({ $0 }) else { return }
                guard case .answer(let status, let headers, let body) = server.answer(request) else { return }
                var fields = HTTPHeaders(headers)
                fields.add(name: "content-length", value: String(body.utf8.count))
                let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields)
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}
