import Runtime

/// One candle of a chart interval as the API returns it: `{t, o, h, l, c, v}`, the open time in
/// RFC 3339 and every number decimal text with no digit lost.
public struct CandleBucket: Sendable, Hashable, Encodable {
    public var openTimeMilliseconds: Int64
    public var open: String
    public var high: String
    public var low: String
    public var close: String
    public var volume: String

    public init(openTimeMilliseconds: Int64, open: String, high: String, low: String, close: String, volume: String) {
        self.openTimeMilliseconds = openTimeMilliseconds
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// The open time as the API writes it.
    public var openTime: String {
        let (seconds, milliseconds) = openTimeMilliseconds.quotientAndRemainder(dividingBy: 1000)
        return UTCTimestamp.format(seconds: Int(seconds), milliseconds: Int(milliseconds))
    }

    enum CodingKeys: String, CodingKey {
        case t, o, h, l, c, v
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(openTime, forKey: .t)
        try container.encode(open, forKey: .o)
        try container.encode(high, forKey: .h)
        try container.encode(low, forKey: .l)
        try container.encode(close, forKey: .c)
        try container.encode(volume, forKey: .v)
    }
}
