import Core
import Foundation
import TestSupport

/// A plain aggregation of 1-minute candles into a chart interval's buckets, written apart from
/// the store's SQL (Foundation's calendar does the weeks and months) to check the rollups by.
struct ReferenceCandles {
    struct Bucket: Equatable, CustomStringConvertible {
        var open: Decimal
        var high: Decimal
        var low: Decimal
        var close: Decimal
        var volume: Decimal

        var description: String { "o \(open) h \(high) l \(low) c \(close) v \(volume)" }
    }

    /// The minutes as last stored, by open time (seconds since the epoch), for one symbol.
    var minutes: [Int64: MinuteCandle] = [:]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }()

    /// The open time of the bucket of `interval` that holds `minute`.
    static func bucketStart(of minute: Int64, _ interval: CandleInterval) -> Int64 {
        if let length = interval.minutes {
            let seconds = Int64(length * 60)
            return minute - ((minute % seconds) + seconds) % seconds
        }
        let date = Date(timeIntervalSince1970: TimeInterval(minute))
        let component: Calendar.Component = interval == .oneWeek ? .weekOfYear : .month
        return Int64(calendar.dateInterval(of: component, for: date)!.start.timeIntervalSince1970)
    }

    /// Every bucket of `interval`, by open time in milliseconds.
    func buckets(_ interval: CandleInterval) -> [Int64: Bucket] {
        var buckets: [Int64: Bucket] = [:]
        for minute in minutes.keys.sorted() {
            let candle = minutes[minute]!
            let (o, h, l, c, v) = (
                Decimal(string: candle.open)!, Decimal(string: candle.high)!, Decimal(string: candle.low)!,
                Decimal(string: candle.close)!, Decimal(string: candle.volume)!
            )
            let start = Self.bucketStart(of: minute, interval) * 1000
            if var bucket = buckets[start] {
                bucket.high = max(bucket.high, h)
                bucket.low = min(bucket.low, l)
                bucket.close = c
                bucket.volume += v
                buckets[start] = bucket
            } else {
                buckets[start] = Bucket(open: o, high: h, low: l, close: c, volume: v)
            }
        }
        return buckets
    }

    /// What the store returned, in the same form.
    static func buckets(_ stored: [CandleBucket]) -> [Int64: Bucket] {
        var buckets: [Int64: Bucket] = [:]
        for bucket in stored {
            buckets[bucket.openTimeMilliseconds] = Bucket(
                open: Decimal(string: bucket.open)!, high: Decimal(string: bucket.high)!,
                low: Decimal(string: bucket.low)!, close: Decimal(string: bucket.close)!,
                volume: Decimal(string: bucket.volume)!)
        }
        return buckets
    }
}

extension MinuteCandle {
    /// A random valid candle of `symbol` at `minute`, prices in cents around 100.
    static func random(symbol: String, minute: Int64, using random: inout SeededGenerator) -> MinuteCandle {
        let cents = (0..<4).map { _ in Int.random(in: 9_000...11_000, using: &random) }
        let (low, high) = (cents.min()!, cents.max()!)
        func price(_ cents: Int) -> String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }
        return MinuteCandle(
            symbol: symbol, minute: minute, open: price(cents[0]), high: price(high), low: price(low),
            close: price(cents[3]),
            volume: "\(Int.random(in: 0...5000, using: &random)).\(Int.random(in: 0...9, using: &random))")
    }
}

/// Seconds since the epoch of an RFC 3339 time written in a test.
func epochSeconds(_ text: String) -> Int64 {
    RFC3339.microseconds(text)! / 1_000_000
}
