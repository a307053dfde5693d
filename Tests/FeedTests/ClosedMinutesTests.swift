import LambdaEvents
import Testing

@testable import Feed

@Suite struct ClosedMinutesTests {
    /// The minute starting at `minute` (milliseconds), as Binance writes it.
    static func kline(_ minute: Int64, close: String = "1.5") -> Kline {
        Kline(
            openTime: minute, open: "1", high: "2", low: "0.5", close: close, volume: "10", closeTime: minute + 59_999)
    }

    @Test func theMinuteStillOpenIsLeftOut() throws {
        let rows = [Self.kline(0), Self.kline(60_000), Self.kline(120_000)]
        let candles = try ClosedMinutes.candles(from: rows, symbol: "BINANCE:X", now: 150_000, count: 5)
        #expect(candles.map(\.t) == ["1970-01-01T00:00:00.000Z", "1970-01-01T00:01:00.000Z"])
    }

    @Test func aMinuteClosesOnlyOnceItsCloseTimeHasPassed() throws {
        let rows = [Self.kline(0), Self.kline(60_000)]
        #expect(try ClosedMinutes.candles(from: rows, symbol: "X:Y", now: 119_999, count: 5).count == 1)
        #expect(try ClosedMinutes.candles(from: rows, symbol: "X:Y", now: 120_000, count: 5).count == 2)
    }

    @Test func onlyTheLatestMinutesAskedForAreKeptOldestFirst() throws {
        let rows = [Self.kline(120_000), Self.kline(0), Self.kline(60_000)]
        let candles = try ClosedMinutes.candles(from: rows, symbol: "X:Y", now: 600_000, count: 2)
        #expect(candles.map(\.t) == ["1970-01-01T00:01:00.000Z", "1970-01-01T00:02:00.000Z"])
    }

    @Test func pricesStayTheDecimalTextBinanceGave() throws {
        let candle = try #require(
            try ClosedMinutes.candles(from: [Self.kline(0, close: "0.00001230")], symbol: "X:Y", now: 60_000, count: 1)
                .first)
        #expect(
            candle
                == IngestMessage.Candle(
                    symbol: "X:Y", t: "1970-01-01T00:00:00.000Z", o: "1", h: "2", l: "0.5", c: "0.00001230", v: "10"))
    }

    @Test(arguments: ["", "1e5", "-1", "1.", ".5", "1.2.3", "NaN"])
    func aNumberThatIsNotDecimalTextIsRefused(_ close: String) {
        #expect(throws: FeedError.self) {
            try ClosedMinutes.candles(from: [Self.kline(0, close: close)], symbol: "X:Y", now: 60_000, count: 1)
        }
    }
}
