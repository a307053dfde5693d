import Foundation
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
        var candles: [String] = []
        candles.reserveCapacity(minutes * symbols.count)
        for step in 0..<minutes {
            let time = WholeSecond(seconds: start + Int64(step) * 60).text
            for symbol in symbols {
                let open = cents[symbol]!
                let close = max(100, open + Int(random.next() % 21) - 10)
                let high = max(open, close) + Int(random.next() % 5)
                let low = max(1, min(open, close) - Int(random.next() % 5))
                cents[symbol] = close
                candles.append(
                    #"{"symbol":"\#(symbol)","t":"\#(time)","o":"\#(Self.price(open))","h":"\#(Self.price(high))","#
                        + #""l":"\#(Self.price(low))","c":"\#(Self.price(close))","v":"\#(random.next() % 100_000).5"}"#
                )
            }
        }
        return Array(#"{"candles":[\#(candles.joined(separator: ","))]}"#.utf8)
    }

    private static func price(_ cents: Int) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// A whole second as RFC 3339 in UTC, as candles and query parameters carry it.
struct WholeSecond {
    var seconds: Int64

    var text: String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return Self.formatter.string(from: date)
    }

    nonisolated(unsafe) private static let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
}
