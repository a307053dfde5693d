import LambdaEvents
import Runtime

/// Turns Binance's klines into the candles of the minutes that have closed: the minute still
/// open would be sent with prices that are going to change.
enum ClosedMinutes {
    /// The latest `count` closed minutes among `rows`, oldest first, as `symbol`'s candles.
    ///
    /// - Parameter now: milliseconds since the Unix epoch.
    /// - Throws: a row that is not a 1-minute candle Binance would send: its open time off the
    ///   minute, its close time not within it, or a number that is not decimal text.
    static func candles(from rows: [Kline], symbol: String, now: Int64, count: Int) throws(FeedError)
        -> [IngestMessage.Candle]
    {
        var closed: [Int64: IngestMessage.Candle] = [:]
        for row in rows {
            guard row.openTime >= 0, row.openTime % 60_000 == 0,
                row.closeTime > row.openTime, row.closeTime < row.openTime + 60_000
            else {
                throw FeedError("a kline opening at \(row.openTime) is not a 1-minute candle")
            }
            for number in [row.open, row.high, row.low, row.close, row.volume] where !isDecimal(number) {
                throw FeedError("a kline opening at \(row.openTime) has \"\(number.prefix(40))\" for a number")
            }
            guard row.closeTime < now, row.openTime + 60_000 <= now else { continue }
            closed[row.openTime] = IngestMessage.Candle(
                symbol: symbol, t: UTCTimestamp.format(seconds: Int(row.openTime / 1000), milliseconds: 0),
                o: row.open, h: row.high, l: row.low, c: row.close, v: row.volume)
        }
        return closed.keys.sorted().suffix(count).map { closed[$0]! }
    }

    /// Digits with at most one decimal point between them (`42000.01000000`).
    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }
}
