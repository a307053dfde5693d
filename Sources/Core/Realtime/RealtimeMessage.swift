/// The messages the realtime API pushes (API.md, "Realtime").
enum RealtimeMessage {
    /// `{"type": "candle", "symbol": S, "interval": "1m", "candle": <candle>}`, to every
    /// connection subscribed to S when a candle of S is stored.
    struct Candle: Encodable {
        let type = "candle"
        var symbol: String
        let interval = CandleInterval.oneMinute.rawValue
        var candle: CandleBucket

        init(_ candle: MinuteCandle) {
            symbol = candle.symbol
            self.candle = CandleBucket(
                openTimeMilliseconds: candle.minute * 1000, open: candle.open, high: candle.high, low: candle.low,
                close: candle.close, volume: candle.volume)
        }
    }

    /// `{"type": "alert.triggered", "alert": <the alert object>}`, to every connection of the
    /// alert's owner when it fires.
    struct AlertTriggered: Encodable {
        let type = "alert.triggered"
        var alert: OwnedObject<Alert>
    }
}
