/// Why a symbol's candles did not reach the queue, in words for the log and the summary.
struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}
