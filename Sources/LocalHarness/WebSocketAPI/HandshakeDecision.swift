/// What API Gateway does with a handshake once `$connect` has answered.
public enum HandshakeDecision: Sendable, Hashable {
    /// Completes the upgrade, with these headers on the 101 response (`Sec-WebSocket-Protocol`).
    case accept(HTTPHeaderList)
    /// Refuses the upgrade with this response.
    case refuse(GatewayResponse)
}
