import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A WebSocket client for the tests, on swift-nio's client upgrader: the handshake's outcome,
/// then masked frames out and the server's frames in.
enum WebSocketTestClient {
    /// How the server answered the handshake.
    enum Handshake {
        case upgraded(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused(status: Int, body: String)
    }

    private enum Upgrade {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused(NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>)
    }

    /// Sends the upgrade request for `target` (`/dev?token=x`) with `headers`.
    static func connect(port: Int, target: String = "/", headers: [(String, String)] = []) async throws -> Handshake {
        let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(
                        // Larger than the server's frames, so that its limits are the ones tested.
                        maxFrameSize: 1 << 20,
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                .websocket(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                            }
                        }
                    )
                    var requestHeaders = HTTPHeaders(headers)
                    requestHeaders.add(name: "Host", value: "127.0.0.1:\(port)")
                    requestHeaders.add(name: "Content-Length", value: "0")
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
                        upgradeRequestHead: HTTPRequestHead(
                            version: .http1_1, method: .GET, uri: target, headers: requestHeaders),
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.eventLoop.makeCompletedFuture {
                                .refused(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
                            }
                        }
                    )
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(upgradeConfiguration: configuration))
                }
            }
        switch try await upgrade.get() {
        case .websocket(let channel):
            return .upgraded(channel)
        case .refused(let channel):
            return try await channel.executeThenClose { inbound, _ in
                var status = 0
                var body = ByteBuffer()
                for try await part in inbound {
                    switch part {
                    case .head(let head): status = Int(head.status.code)
                    case .body(var chunk): body.writeBuffer(&chunk)
                    case .end: return .refused(status: status, body: String(buffer: body))
                    }
                }
                return .refused(status: status, body: String(buffer: body))
            }
        }
    }
}

/// One upgraded connection, as a test drives it.
struct WebSocketSession {
    var inbound: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    let channel: any Channel

    /// What the server sent next, pongs included; `nil` once the connection has ended.
    mutating func next() async throws -> WebSocketFrame? {
        try await inbound.next()
    }

    /// The next text message's text, its continuation frames joined.
    mutating func nextText() async throws -> String? {
        var text = ""
        while let frame = try await next() {
            guard frame.opcode == .text || frame.opcode == .continuation else { continue }
            text += String(buffer: frame.unmaskedData)
            if frame.fin { return text }
        }
        return nil
    }

    /// The code of the server's close frame, skipping what comes before it.
    mutating func closeCode() async throws -> UInt16? {
        try await closeStatus()?.code
    }

    /// The code and reason of the server's close frame, skipping what comes before it.
    mutating func closeStatus() async throws -> CloseStatus? {
        while let frame = try await next() {
            if let status = CloseStatus(frame) { return status }
        }
        return nil
    }

    func send(_ text: String) async throws {
        try await send(opcode: .text, ByteBuffer(string: text))
    }

    /// A frame masked, as a client's must be.
    func send(opcode: WebSocketOpcode, _ data: ByteBuffer, fin: Bool = true) async throws {
        try await outbound.write(WebSocketFrame(fin: fin, opcode: opcode, maskKey: .random(), data: data))
    }

    /// A close frame with `code`.
    func close(code: UInt16 = 1000) async throws {
        var data = ByteBuffer()
        data.writeInteger(code)
        try await send(opcode: .connectionClose, data)
    }

    /// Ends the TCP connection without a close frame, as a client that vanishes does.
    func vanish() async throws {
        try await channel.close()
    }
}

/// What a close frame says.
struct CloseStatus: Equatable {
    var code: UInt16
    var reason: String

    /// The close frame's code and reason; `nil` for any other frame, or a close frame without a code.
    init?(_ frame: WebSocketFrame) {
        var data = frame.unmaskedData
        guard frame.opcode == .connectionClose, let code = data.readInteger(as: UInt16.self) else { return nil }
        self.code = code
        reason = data.readString(length: data.readableBytes) ?? ""
    }
}

extension NIOAsyncChannel<WebSocketFrame, WebSocketFrame> {
    /// Runs `body` with a session over this connection, then closes it.
    func session<Result: Sendable>(_ body: (inout WebSocketSession) async throws -> Result) async throws -> Result {
        let channel = channel
        return try await executeThenClose { inbound, outbound in
            var session = WebSocketSession(inbound: inbound.makeAsyncIterator(), outbound: outbound, channel: channel)
            return try await body(&session)
        }
    }
}
