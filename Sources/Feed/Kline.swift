/// One row of Binance's `GET /api/v3/klines` answer:
/// `[openTime, "open", "high", "low", "close", "volume", closeTime, ...]`, times in
/// milliseconds since the Unix epoch, numbers as decimal strings.
struct Kline: Decodable, Sendable, Hashable {
    var openTime: Int64
    var open: String
    var high: String
    var low: String
    var close: String
    var volume: String
    var closeTime: Int64

    init(openTime: Int64, open: String, high: String, low: String, close: String, volume: String, closeTime: Int64) {
        self.openTime = openTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.closeTime = closeTime
    }

    init(from decoder: any Decoder) throws {
        var row = try decoder.unkeyedContainer()
        openTime = try row.decode(Int64.self)
        open = try row.decode(String.self)
        high = try row.decode(String.self)
        low = try row.decode(String.self)
        close = try row.decode(String.self)
        volume = try row.decode(String.self)
        closeTime = try row.decode(Int64.self)
        // The quote volume, trade counts and the rest that follow are not needed.
    }
}
