import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Synchronization

/// When the subscribers received each round's candle, as the benchmark's monotonic clock read
/// it; shared by every connection's handler. A round is written in its candle's close, as
/// ``close(ofRound:)`` makes it.
final class CandleReceipts: Sendable {
    /// The receipts of one round.
    struct Round: Sendable {
        var count = 0
        /// Monotonic nanoseconds of the first receipt and of the last.
        var first = UInt64.max
        var last: UInt64 = 0
    }

    private let rounds = Mutex<[Int: Round]>([:])

    /// The close of round `round`'s candle: 1,000 and the round, a price no other candle has.
    static func close(ofRound round: Int) -> String { String(1000 + round) }

    /// The round a candle's close names, whatever decimal form the API gave it back in.
    static func round(ofClose close: String) -> Int? {
        Double(close).map { Int($0.rounded()) - 1000 }
    }

    func record(round: Int, at time: UInt64) {
        rounds.withLock { rounds in
            var receipts = rounds[round, default: Round()]
            receipts.count += 1
            receipts.first = min(receipts.first, time)
            receipts.last = max(receipts.last, time)
            rounds[round] = receipts
        }
    }

    subscript(round: Int) -> Round {
        rounds.withLock { $0[round] ?? Round() }
    }
}

/// One connection of the benchmark to the realtime API: a WebSocket client on swift-nio's client
/// upgrader. Its handler reads the server's frames on the connection's event loop and stamps
/// each candle there, so that the time taken is the frame's arrival, not a task's later turn.
struct RealtimeSubscriber: Sendable {
    let channel: any Channel
    /// Completed by the answer to the connection's subscription.
    private let subscribed: EventLoopFuture<Void>

    /// Opens a connection to the WebSocket API on 127.0.0.1:`port` with `token`; throws if the
    /// handshake is refused.
    static func connect(port: Int, token: String, receipts: CandleReceipts) async throws -> RealtimeSubscriber {
        let upgrade = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let upgrader = NIOTypedWebSocketClientUpgrader<RealtimeSubscriber?>(
                        upgradePipelineHandler: { channel, _ in
                            channel.eventLoop.makeCompletedFuture {
                                let subscribed = channel.eventLoop.makePromise(of: Void.self)
                                try channel.pipeline.syncOperations.addHandler(
                                    ReceiptHandler(receipts: receipts, subscribed: subscribed))
                                return RealtimeSubscriber(channel: channel, subscribed: subscribed.futureResult)
                            }
                        }
                    )
                    var headers = HTTPHeaders()
                    headers.add(name: "Host", value: "127.0.0.1:\(port)")
                    headers.add(name: "Content-Length", value: "0")
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<RealtimeSubscriber?>(
                        upgradeRequestHead: HTTPRequestHead(
                            version: .http1_1, method: .GET, uri: "/?token=\(token)", headers: headers),
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.eventLoop.makeCompletedFuture {
                                channel.close(promise: nil)
                                return nil
                            }
                        }
                    )
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(upgradeConfiguration: configuration))
                }
            }
        guard let subscriber = try await upgrade.get() else {
            throw BenchError("the realtime API refused a connection (see the Realtime function's log)")
        }
        return subscriber
    }

    /// Subscribes the connection to `symbol` and waits for the answer.
    func subscribe(to symbol: String) async throws {
        let text = #"{"action":"subscribe","symbols":["\#(symbol)"]}"#
        try await channel.writeAndFlush(
            WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text)))
        try await subscribed.get()
    }
}

/// Reads the server's frames: stamps each candle with its round's receipts, completes the
/// subscription with its answer, and closes the connection when the server closes it. The API
/// sends each of these messages in one frame, so continuation frames are not looked at.
private final class ReceiptHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame

    private let receipts: CandleReceipts
    private let subscribed: EventLoopPromise<Void>

    init(receipts: CandleReceipts, subscribed: EventLoopPromise<Void>) {
        self.receipts = receipts
        self.subscribed = subscribed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let time = monotonicNanoseconds()
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            let json = try? JSONSerialization.jsonObject(with: Data(frame.unmaskedData.readableBytesView))
            let message = json as? [String: Any]
            switch message?["type"] as? String {
            case "candle":
                let close = (message?["candle"] as? [String: Any])?["c"] as? String
                if let round = close.flatMap(CandleReceipts.round(ofClose:)) {
                    receipts.record(round: round, at: time)
                }
            case "subscribed":
                subscribed.succeed()
            default:
                break
            }
        case .connectionClose:
            context.close(promise: nil)
        default:
            break
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        // A no-op once the answer came: a promise completes once.
        subscribed.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}
