/// ChronoView's own event, the `Ingest` function's, as its producers write it (API.md,
/// "Ingestion"), directly or as an SQS message body: at most ``maximumCandles`` 1-minute
/// candles, every number a decimal string so that no digit is lost. MarketFeed, the local
/// simulated feed, the tests and the benchmarks all send this; the function itself reads its
/// events more leniently (numbers as JSON numbers too).
public struct IngestMessage: Codable, Sendable, Hashable {
    /// The most candles one event may carry.
    public static let maximumCandles = 1000

    public var candles: [Candle]

    public init(candles: [Candle]) {
        self.candles = candles
    }

    /// One 1-minute candle of one symbol: `t` is its open time in RFC 3339 (`2026-11-25T13:00:00.000Z`).
    public struct Candle: Codable, Sendable, Hashable {
        public var symbol: String
        public var t: String
        public var o: String
        public var h: String
        public var l: String
        public var c: String
        public var v: String

        public init(symbol: String, t: String, o: String, h: String, l: String, c: String, v: String) {
            self.symbol = symbol
            self.t = t
            self.o = o
            self.h = h
            self.l = l
            self.c = c
            self.v = v
        }
    }
}
