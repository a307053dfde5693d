/// What an invocation of `Push` did, connection by connection.
public struct PushSummary: Sendable, Hashable, Encodable {
    /// Connections that received every message meant for them.
    public var delivered: Int
    /// Connections API Gateway answered 410 Gone for.
    public var gone: Int
    /// Connections that lost a message to throttling, an error or a timeout (and were kept).
    public var failed: Int
}
