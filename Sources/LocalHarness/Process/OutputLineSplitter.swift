import NIOCore

/// Splits what a child writes to a pipe into lines, as Lambda turns each line of a function's
/// output into a log event.
final class OutputLineSplitter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// A line longer than this is passed on in pieces rather than held without bound.
    static let maximumLineLength = 256 * 1024

    private var pending: ByteBuffer?
    private let onLine: @Sendable (String) -> Void

    init(onLine: @escaping @Sendable (String) -> Void) {
        self.onLine = onLine
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        if var pending = self.pending {
            self.pending = nil
            pending.writeBuffer(&chunk)
            chunk = pending
        }
        while let newline = chunk.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - chunk.readerIndex
            emit(chunk.readSlice(length: length)!)
            chunk.moveReaderIndex(forwardBy: 1)
        }
        if chunk.readableBytes >= Self.maximumLineLength {
            emit(chunk)
        } else if chunk.readableBytes > 0 {
            pending = chunk
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let pending { emit(pending) }
        pending = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func emit(_ line: ByteBuffer) {
        var text = String(buffer: line)
        if text.hasSuffix("\r") { text.removeLast() }
        onLine(text)
    }
}
