/// What one run of the feed did: `{"sent": n, "failed": [{"symbol": ..., "reason": ...}]}`.
public struct MarketFeedSummary: Codable, Sendable, Hashable {
    /// A symbol whose candles did not reach the queue, and why.
    public struct Failure: Codable, Sendable, Hashable {
        public var symbol: String
        public var reason: String

        public init(symbol: String, reason: String) {
            self.symbol = symbol
            self.reason = reason
        }
    }

    /// How many symbols' messages reached the queue.
    public var sent: Int
    public var failed: [Failure]

    public init(sent: Int, failed: [Failure]) {
        self.sent = sent
        self.failed = failed
    }
}
