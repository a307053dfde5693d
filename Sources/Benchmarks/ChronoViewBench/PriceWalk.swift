import Foundation
import LambdaEvents
import Runtime
import TestSupport

/// Random-walk prices per symbol, one 1-minute candle a step, written as `Ingest` events.
struct PriceWalk {
    private var cents: [String: Int]
    /// The same walk on every run.
    private var random: SeededGenerator
    let symbols: [String]

    init(symbols: [String], seed: UInt64) {
        self.symbols = symbols
        cents = Dictionary(uniqueKeysWithValues: symbols.map { ($0, 10_000) })
        random = SeededGenerator(seed: seed)
    }

    /// `minutes` consecutive candles of every symbol from `start` (seconds since the epoch).
    mutating func event(startingAt start: Int64, minutes: Int) -> [UInt8] {
        var candles: [IngestMessage.Candle] = []
        candles.reserveCapacity(minutes * symbols.count)
        for step in 0..<minutes {
            let time = UTCTimestamp.format(seconds: Int(start) + step * 60, milliseconds: 0)
            for symbol in symbols {
                let open = cents[symbol]!
                let close = max(100, open + Int(random.next() % 21) - 10)
                let high = max(open, close) + Int(random.next() % 5)
                let low = max(1, min(open, close) - Int(random.next() % 5))
                cents[symbol] = close
                candles.append(
                    IngestMessage.Candle(
                        symbol: symbol, t: time, o: Self.price(open), h: Self.price(high), l: Self.price(low),
                        c: Self.price(close), v: "\(random.next() % 100_000).5"))
            }
        }
        return Array(try! JSONEncoder().encode(IngestMessage(candles: candles)))
    }

    private static func price(_ cents: Int) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
