import TestSupport

/// Binance-shaped klines answers for the stand-in: rows of `[openTime, "open", "high", "low",
/// "close", "volume", closeTime, ...]`.
enum KlinesAnswer {
    /// 2026-11-25T13:00:30Z, half-way through a minute.
    static let now: Int64 = 1_795_611_630_000
    /// The minute still open at ``now``.
    static let openMinute = now / 60_000 * 60_000

    /// `count` rows of consecutive minutes, the last one the minute still open at ``now``.
    static func json(count: Int) -> String {
        let rows = (0..<count).reversed().map { back in
            let open = openMinute - Int64(back) * 60_000
            let price = 42_000 + back
            return #"[\#(open),"\#(price).10000000","\#(price).50000000","\#(price).00000000","\#(price).20000000","#
                + #""12.34500000",\#(open + 59_999),"518234.10",321,"6.1","256000.0","0"]"#
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    /// The JSON answer for the request's `limit`.
    static func json(for request: StandInServer.Request) -> String {
        json(count: Int(request.query("limit") ?? "") ?? 0)
    }
}
