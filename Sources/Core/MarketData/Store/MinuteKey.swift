/// One symbol's minute: a 1-minute candle's key.
struct MinuteKey: Hashable, Sendable {
    var symbol: String
    /// Seconds since the Unix epoch, on a whole minute.
    var minute: Int64
}
