import LambdaEvents

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A validated 1-minute candle, ready to store: every number decimal text, exactly as given.
public struct MinuteCandle: Sendable, Hashable {
    public var symbol: String
    /// The open time in seconds since the Unix epoch, on a whole minute.
    public var minute: Int64
    public var open: String
    public var high: String
    public var low: String
    public var close: String
    public var volume: String

    public init(
        symbol: String, minute: Int64, open: String, high: String, low: String, close: String, volume: String
    ) {
        self.symbol = symbol
        self.minute = minute
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// How far ahead of the clock a candle's open time may be (API.md: 5 minutes).
    public static let maximumLead: Int64 = 5 * 60

    /// Reads one candle of an ingestion event (numbers as JSON numbers or strings), or says why
    /// it is refused: a bad symbol, an open time off the minute or too far ahead of `now`, or
    /// before `oldest` (minutes whose rollups can no longer be rebuilt), impossible prices, or a
    /// number that breaks the rules.
    public static func read(_ value: JSONValue, now: Int64, oldest: Int64? = nil) throws(CandleRejection)
        -> MinuteCandle
    {
        guard case .object(let fields) = value else { throw CandleRejection("the candle must be a JSON object") }
        func field<T>(_ name: String, _ parse: (JSONValue) throws(FieldError) -> T) throws(CandleRejection) -> T {
            guard let value = fields[name] else { throw CandleRejection("\(name): is required") }
            guard value != .null else { throw CandleRejection("\(name): must not be null") }
            do throws(FieldError) {
                return try parse(value)
            } catch {
                throw CandleRejection("\(name): \(error.message)")
            }
        }
        let symbol = try field("symbol") { value throws(FieldError) in try Symbol.parse(value, field: "symbol") }
        let time = try field("t") { value throws(FieldError) in try value.string(field: "t") }
        guard let microseconds = RFC3339.microseconds(time) else {
            throw CandleRejection("t: must be an RFC 3339 date-time such as 2026-11-25T13:00:00.000Z")
        }
        guard microseconds % 60_000_000 == 0 else { throw CandleRejection("t: must be on a whole minute") }
        let minute = microseconds / 1_000_000
        guard minute <= now + maximumLead else {
            throw CandleRejection("t: is more than 5 minutes in the future")
        }
        if let oldest, minute < oldest {
            throw CandleRejection("t: is older than the 1-minute candles kept, so its rollups cannot be rebuilt")
        }
        let price = { (name: String) throws(CandleRejection) -> String in
            try field(name) { value throws(FieldError) in try DecimalText.price.parse(value, field: name) }
        }
        let candle = MinuteCandle(
            symbol: symbol, minute: minute, open: try price("o"), high: try price("h"), low: try price("l"),
            close: try price("c"),
            volume: try field("v") { value throws(FieldError) in try DecimalText.volume.parse(value, field: "v") })
        try candle.checkRange()
        return candle
    }

    /// `h` is the highest price of the minute and `l` the lowest.
    private func checkRange() throws(CandleRejection) {
        // Valid decimal text always parses; the digit limits keep it within Decimal's precision.
        let (o, h, l, c) = (
            Decimal(string: open)!, Decimal(string: high)!, Decimal(string: low)!, Decimal(string: close)!
        )
        guard h >= o, h >= c, h >= l else { throw CandleRejection("h: must not be below o, c or l") }
        guard l <= o, l <= c else { throw CandleRejection("l: must not be above o or c") }
    }
}

/// Why one candle of an ingestion was refused; the others are stored all the same.
public struct CandleRejection: Error, Sendable, Hashable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
