import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import Runtime

/// Simulated prices for a developer's machine: a random walk per symbol, sent through the
/// `Ingest` function exactly as the candles queue's messages are, so that charts move and
/// alerts fire offline. Not market data: the symbols say so (`SIM:` by default) and so does
/// the banner.
///
/// It first fills the last ``backfillMinutes`` so that a chart has history at once, then
/// every ``tick`` sends the current minute's candle again with the walk's latest price (a
/// correction of the open minute), starting a new candle when the minute turns.
struct SimulatedFeed: Sendable {
    var symbols: [String]
    var tick: Duration
    var invoker: any FunctionInvoker
    static let functionName = "Ingest"
    static let backfillMinutes = 24 * 60

    /// Feeds until cancelled; a failed ingestion is reported once until one succeeds again.
    func run(report: @escaping @Sendable (String) -> Void) async {
        var walks = Dictionary(uniqueKeysWithValues: symbols.map { ($0, Walk(cents: 10_000)) })
        var failing = false
        func send(_ candles: [IngestMessage.Candle]) async {
            let outcome: String?
            do {
                let body = try JSONEncoder().encode(IngestMessage(candles: candles))
                let result = try await invoker.invoke(Self.functionName, payload: ByteBuffer(bytes: body))
                outcome = result.errorType.map { "\($0): \(String(buffer: result.payload))" }
            } catch {
                outcome = "\(error)"
            }
            if let outcome, !failing { report("simulated feed: Ingest failed (\(outcome)); retrying") }
            if outcome == nil, failing { report("simulated feed: Ingest works again") }
            failing = outcome != nil
        }
        let now = Self.currentMinute()
        var batch: [IngestMessage.Candle] = []
        for minute in stride(from: now - Int64(Self.backfillMinutes) * 60, to: now, by: 60) {
            for symbol in symbols {
                walks[symbol]!.startMinute(minute)
                for _ in 0..<6 { walks[symbol]!.step() }
                batch.append(walks[symbol]!.candle(symbol: symbol))
            }
            if batch.count + symbols.count > IngestMessage.maximumCandles {
                await send(batch)
                batch = []
            }
        }
        if !batch.isEmpty { await send(batch) }
        for symbol in symbols { walks[symbol]!.startMinute(now) }
        while !Task.isCancelled {
            let minute = Self.currentMinute()
            for symbol in symbols {
                if walks[symbol]!.minute != minute { walks[symbol]!.startMinute(minute) }
                walks[symbol]!.step()
            }
            await send(symbols.map { walks[$0]!.candle(symbol: $0) })
            try? await Task.sleep(for: tick)
        }
    }

    private static func currentMinute() -> Int64 {
        let now = Int64(Date().timeIntervalSince1970)
        return now - now % 60
    }

    /// One symbol's walk: the open minute's candle, in cents.
    private struct Walk {
        var cents: Int
        var minute: Int64 = 0
        var open = 0
        var high = 0
        var low = 0
        var volume = 0

        init(cents: Int) {
            self.cents = cents
        }

        mutating func startMinute(_ minute: Int64) {
            self.minute = minute
            (open, high, low, volume) = (cents, cents, cents, 0)
        }

        /// Moves the price by up to 0.1% either way.
        mutating func step() {
            let limit = max(1, cents / 1000)
            cents = max(1, cents + Int.random(in: -limit...limit))
            high = max(high, cents)
            low = min(low, cents)
            volume += Int.random(in: 1...50)
        }

        func candle(symbol: String) -> IngestMessage.Candle {
            IngestMessage.Candle(
                symbol: symbol, t: UTCTimestamp.format(seconds: Int(minute), milliseconds: 0), o: Self.price(open),
                h: Self.price(high),
                l: Self.price(low), c: Self.price(cents), v: String(volume))
        }

        private static func price(_ cents: Int) -> String {
            "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        }
    }
}
