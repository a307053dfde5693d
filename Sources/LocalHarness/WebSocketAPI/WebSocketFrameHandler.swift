import NIOCore
import NIOWebSocket

/// Plays API Gateway's side of an upgraded connection: assembles text messages from their
/// frames and hands them on, answers pings, honours the client's close, and enforces the
/// limits: binary frames (1003), messages over the size limit (1009), the idle timeout and the
/// maximum duration (1001, each with its own reason).
final class WebSocketFrameHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let connection: WebSocketConnection
    private let configuration: WebSocketAPIConfiguration
    private let events: AsyncStream<ConnectionEvent>.Continuation
    /// The text message being assembled from continuation frames.
    private var fragments: ByteBuffer?
    private var idleTimer: Scheduled<Void>?
    private var lifetimeTimer: Scheduled<Void>?

    init(
        connection: WebSocketConnection, configuration: WebSocketAPIConfiguration,
        events: AsyncStream<ConnectionEvent>.Continuation
    ) {
        self.connection = connection
        self.configuration = configuration
        self.events = events
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let connection = connection
        lifetimeTimer = context.eventLoop.scheduleTask(in: TimeAmount(configuration.maximumConnectionDuration)) {
            connection.close(.expired)
        }
        restartIdleTimer(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        lifetimeTimer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if frame.opcode == .connectionClose {
            closedByClient(frame)
            return
        }
        // Once the connection is ending, API Gateway takes nothing more from the client: no
        // message may start a route after the cause of `$disconnect` is known.
        guard connection.disconnectStatus == nil else { return }
        connection.markActive()
        restartIdleTimer(context: context)
        switch frame.opcode {
        case .text where fragments == nil:
            if frame.fin {
                deliver(frame.unmaskedData)
            } else {
                fragments = frame.unmaskedData
            }
        case .continuation where fragments != nil:
            var data = frame.unmaskedData
            fragments!.writeBuffer(&data)
            if fragments!.readableBytes > configuration.maximumMessageSize {
                fragments = nil
                connection.close(.messageTooBig)
            } else if frame.fin, let message = fragments {
                fragments = nil
                deliver(message)
            }
        case .binary:
            connection.close(.binaryFrame)
        case .ping:
            context.writeAndFlush(
                wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .pong:
            break
        default:
            // A continuation without a start, or a new message inside another.
            connection.close(.protocolError)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Once ending, the decoder's complaints about the bytes that follow its first error
        // change nothing: the close is under way.
        guard connection.disconnectStatus == nil else { return }
        // The frame decoder's: a frame over the size limit, or one that breaks the protocol.
        if let error = error as? NIOWebSocketError {
            connection.close(error == .invalidFrameLength ? .messageTooBig : .protocolError)
        } else {
            context.close(promise: nil)
        }
    }

    /// The client's close: unless the connection was already ending, its code and reason are
    /// the cause and API Gateway echoes the code; either way both sides are then done.
    private func closedByClient(_ frame: WebSocketFrame) {
        var data = frame.unmaskedData
        let status: DisconnectStatus
        if let code = data.readInteger(as: UInt16.self) {
            let reason = data.readString(length: data.readableBytes) ?? ""
            status = DisconnectStatus(
                code: code, reason: reason.isEmpty && code == 1000 ? DisconnectStatus.normal.reason : reason)
        } else {
            // A close frame without a code: RFC 6455's "no status received".
            status = DisconnectStatus(code: 1005, reason: "")
        }
        connection.close(status)
        connection.closeTransport()
    }

    private func deliver(_ message: ByteBuffer) {
        events.yield(.message(String(buffer: message)))
    }

    private func restartIdleTimer(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        let connection = connection
        idleTimer = context.eventLoop.scheduleTask(in: TimeAmount(configuration.idleTimeout)) {
            connection.close(.idle)
        }
    }
}
