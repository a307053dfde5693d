import Core
import Foundation
import FuzzSupport
import LambdaEvents

/// Bytes as the `Ingest` function's event → the event decoder the runtime runs → every candle
/// read on its own, directly or from each SQS message body. Whatever a candle is accepted as
/// must obey API.md's rules; nothing may crash.
@main
enum CandleEventFuzzer {
    static let decoder = JSONDecoder()
    static let now = Int64(1_795_608_000)

    static func run(_ bytes: [UInt8]) -> String {
        guard let event = try? decoder.decode(IngestEvent.self, from: Data(bytes)) else { return "not an event" }
        switch event {
        case .direct(let candles):
            expect(candles.count <= IngestMessage.maximumCandles, "\(candles.count) candles accepted")
            return "direct: " + read(candles)
        case .queue(let batch):
            return batch.records.map { message in
                guard let candles = try? IngestEvent.candles(inBody: message.body) else { return "bad message" }
                return read(candles)
            }.joined(separator: "; ")
        }
    }

    static func read(_ values: [JSONValue]) -> String {
        var accepted = 0
        for value in values {
            guard let candle = try? MinuteCandle.read(value, now: now, oldest: now - 86_400) else { continue }
            accepted += 1
            check(candle)
        }
        return "\(accepted) of \(values.count) candles accepted"
    }

    static func check(_ candle: MinuteCandle) {
        let symbols = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/_-".utf8)
        expect(
            (1...32).contains(candle.symbol.utf8.count) && candle.symbol.utf8.allSatisfy(symbols.contains),
            "symbol \(candle.symbol.debugDescription) accepted")
        expect(candle.minute % 60 == 0, "minute \(candle.minute) is not whole")
        expect(candle.minute <= now + 300 && candle.minute >= now - 86_400, "minute \(candle.minute) out of range")
        let prices = [candle.open, candle.high, candle.low, candle.close].map { Decimal(string: $0) }
        guard let o = prices[0], let h = prices[1], let l = prices[2], let c = prices[3],
            let v = Decimal(string: candle.volume)
        else {
            expect(false, "a number that does not read back: \(candle)")
            return
        }
        expect(l > 0 && v >= 0, "non-positive price or negative volume: \(candle)")
        expect(h >= o && h >= c && h >= l && l <= o && l <= c, "impossible range accepted: \(candle)")
        for text in [candle.open, candle.high, candle.low, candle.close, candle.volume] {
            expect(text.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") }, "number \(text)")
        }
    }
}

extension CandleEventFuzzer: FuzzTarget {
    static func fuzz(_ input: [UInt8]) -> String {
        run(input)
    }
}
