import NIOCore
import NIOWebSocket
import Synchronization

/// One client's connection to the WebSocket API, as the `@connections` API and the events see it.
///
/// Every write is handed to the channel's event loop in one piece, in the order the
/// connection's lock admits it: a message's frames never interleave with another message's or
/// with the close frame, and nothing follows the close frame. The connection records why it
/// ended once, so that `$disconnect` reports the first cause.
public final class WebSocketConnection: Sendable {
    /// API Gateway's connection id (`L0SM9cOFvHcCIhw=`): `connectionId` in events, the
    /// `@connections` API's path.
    public let id: String
    /// When API Gateway accepted the handshake: `connectedAt`.
    public let connectedAt: RequestTime
    /// The client's address: `identity.sourceIp` in events and `GetConnection`.
    public let sourceIP: String
    /// The handshake's `User-Agent`, if it had one.
    public let userAgent: String?
    private let channel: any Channel
    private let maximumFrameSize: Int
    private let maximumOutboundBuffer: Int
    private let state: Mutex<State>

    /// How long a client has to take the close frame before its TCP connection is closed anyway.
    private static let closeGracePeriod = TimeAmount.seconds(2)

    private struct State {
        var lastActiveAt: RequestTime
        var disconnectStatus: DisconnectStatus?
        /// The bytes of messages handed to the channel and not yet written to the socket.
        var outboundBytes = 0
        /// The close frame's write, once it has been handed to the channel.
        var closeFrameWritten: EventLoopFuture<Void>?
    }

    init(
        id: String, channel: any Channel, sourceIP: String, userAgent: String?,
        configuration: WebSocketAPIConfiguration, connectedAt: RequestTime = .now()
    ) {
        self.id = id
        self.channel = channel
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.maximumFrameSize = configuration.maximumFrameSize
        self.maximumOutboundBuffer = configuration.maximumOutboundBuffer
        self.connectedAt = connectedAt
        state = Mutex(State(lastActiveAt: connectedAt))
    }

    /// When the client last sent a frame, or the connection was made.
    public var lastActiveAt: RequestTime { state.withLock { $0.lastActiveAt } }

    /// Why the connection ended or is ending; `nil` while it is open or when it ended without
    /// the emulator or the client saying why.
    public var disconnectStatus: DisconnectStatus? { state.withLock { $0.disconnectStatus } }

    func markActive() {
        state.withLock { $0.lastActiveAt = .now() }
    }

    /// Sends a text message, in frames no larger than API Gateway's as it splits them.
    ///
    /// A client that lets more than the outbound buffer's worth of messages pile up is not
    /// reading: its connection is dropped at once, as a close frame would never reach it.
    /// - Returns: whether the message was taken; `false` when the connection is ending or was
    ///   just dropped.
    @discardableResult
    func send(text: String) -> Bool {
        let frames = frames(of: text)
        let size = text.utf8.count
        let channel = channel
        let admission = state.withLock { state -> Admission in
            guard state.disconnectStatus == nil else { return .refused }
            guard state.outboundBytes + size <= maximumOutboundBuffer else {
                state.disconnectStatus = .notReading
                return .overflowed
            }
            state.outboundBytes += size
            // Handed over under the lock, so that the event loop writes in the order admitted;
            // `execute` never runs the block in place, so nothing re-enters the lock.
            channel.eventLoop.execute {
                var written: EventLoopFuture<Void>?
                for frame in frames { written = channel.write(frame) }
                channel.flush()
                written?.whenComplete { _ in self.state.withLock { $0.outboundBytes -= size } }
            }
            return .taken
        }
        switch admission {
        case .taken:
            return true
        case .overflowed:
            // Outside the lock: on the event loop the close runs at once, and the failed writes'
            // callbacks take the lock.
            channel.close(promise: nil)
            return false
        case .refused:
            return false
        }
    }

    private enum Admission {
        case taken
        case overflowed
        case refused
    }

    private func frames(of text: String) -> [WebSocketFrame] {
        var payload = channel.allocator.buffer(string: text)
        var frames: [WebSocketFrame] = []
        var opcode = WebSocketOpcode.text
        repeat {
            let chunk = payload.readSlice(length: min(maximumFrameSize, payload.readableBytes)) ?? ByteBuffer()
            frames.append(WebSocketFrame(fin: payload.readableBytes == 0, opcode: opcode, data: chunk))
            opcode = .continuation
        } while payload.readableBytes > 0
        return frames
    }

    /// Ends the connection as API Gateway does: a close frame with the code, then the TCP
    /// connection closed once the client answers with its own (``closeTransport()``) or goes
    /// away, or at the latest after a grace period, so that a client that does not read cannot
    /// hold it open. Does nothing when the connection is already ending.
    ///
    /// Until then the client is still read, its frames dropped: closing on bytes it is still
    /// sending would reset the connection, and might lose the close frame with it.
    func close(_ status: DisconnectStatus) {
        var data = channel.allocator.buffer(capacity: 2 + status.reason.utf8.count)
        // 1005 and 1006 only report what happened: RFC 6455 keeps them out of close frames.
        if status.code != 1005 && status.code != 1006 {
            data.writeInteger(status.code)
            data.writeString(status.reason)
        }
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
        let channel = channel
        state.withLock { state in
            guard state.disconnectStatus == nil else { return }
            state.disconnectStatus = status
            channel.eventLoop.execute {
                let forced = channel.eventLoop.scheduleTask(in: Self.closeGracePeriod) {
                    channel.close(promise: nil)
                }
                channel.closeFuture.whenComplete { _ in forced.cancel() }
                let written = channel.writeAndFlush(frame)
                self.state.withLock { $0.closeFrameWritten = written }
            }
        }
    }

    /// Closes the TCP connection once the close frame is out: the client has sent its own, so
    /// both sides are done.
    func closeTransport() {
        let channel = channel
        // Runs after the close frame's write was handed to the channel, which was enqueued first.
        channel.eventLoop.execute {
            let written = self.state.withLock { $0.closeFrameWritten } ?? channel.eventLoop.makeSucceededVoidFuture()
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
