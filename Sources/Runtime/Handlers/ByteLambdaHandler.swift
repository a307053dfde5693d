import NIOCore

/// The most general handler: the event's bytes in, the result's bytes out.
public protocol ByteLambdaHandler: Sendable {
    func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer
}
