/// The WebSocket API's limits, API Gateway's quotas by default; tests shorten the timeouts.
public struct WebSocketAPIConfiguration: Sendable, Hashable {
    /// The largest frame a client may send (32 KB); a larger one closes the connection with 1009.
    public var maximumFrameSize: Int
    /// The largest message, across its frames (128 KB): a client's, or one posted to `@connections`.
    public var maximumMessageSize: Int
    /// How long a connection may go without a frame from its client (10 minutes).
    public var idleTimeout: Duration
    /// How long a connection may last at all (2 hours).
    public var maximumConnectionDuration: Duration
    /// How many bytes of messages may wait to reach a client that is not reading (1 MiB); the
    /// emulator's own bound, so that such a client costs bounded memory. Past it the connection
    /// is dropped and `@connections` answers 410 for it.
    public var maximumOutboundBuffer: Int
    /// How many of a connection's messages may run their routes at once (16); the emulator's
    /// own bound: past it the connection is not read until one finishes.
    public var maximumMessagesInFlight: Int

    public init(
        maximumFrameSize: Int = 32 * 1024,
        maximumMessageSize: Int = 128 * 1024,
        idleTimeout: Duration = .seconds(10 * 60),
        maximumConnectionDuration: Duration = .seconds(2 * 60 * 60),
        maximumOutboundBuffer: Int = 1 << 20,
        maximumMessagesInFlight: Int = 16
    ) {
        self.maximumFrameSize = maximumFrameSize
        self.maximumMessageSize = maximumMessageSize
        self.idleTimeout = idleTimeout
        self.maximumConnectionDuration = maximumConnectionDuration
        self.maximumOutboundBuffer = maximumOutboundBuffer
        self.maximumMessagesInFlight = maximumMessagesInFlight
    }
}
