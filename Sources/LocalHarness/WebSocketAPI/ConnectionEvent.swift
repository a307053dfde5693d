import NIOCore

/// What a connection's channel hands the task that serves it, in the order it happened.
enum ConnectionEvent: Sendable {
    /// An upgrade request, to be decided by `$connect`; the promise takes the decision.
    case handshake(WebSocketHandshake, connection: WebSocketConnection, decision: EventLoopPromise<HandshakeDecision>)
    /// A complete text message from the client.
    case message(String)
}
