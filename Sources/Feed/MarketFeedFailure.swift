/// No symbol's candles reached the queue although symbols are configured: thrown, so that the
/// invocation is a function error that Lambda's metrics and alarms count.
public struct MarketFeedFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var failed: [MarketFeedSummary.Failure]

    public init(failed: [MarketFeedSummary.Failure]) {
        self.failed = failed
    }

    public var description: String {
        "no symbol's candles reached the queue: "
            + failed.map { "\($0.symbol): \($0.reason)" }.joined(separator: "; ")
    }
}
