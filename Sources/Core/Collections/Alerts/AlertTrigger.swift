import Logging
import Postgres

/// Fires the active alerts that stored 1-minute candles reach (API.md, "Alerts that fire").
///
/// An alert fires when a candle of its symbol reaches its price (`above`: `h >= price`,
/// `below`: `l <= price`) and the alert was armed before that candle closed. It fires once: the
/// update re-reads each row's status after any concurrent writer's lock is released, so of two
/// ingestions reaching the same alert only one finds it still active. `triggered_at` is the open
/// time of the earliest candle that reached it, and its version goes up by one.
enum AlertTrigger {
    /// Fires what `candles` reach and returns the fired alerts.
    static func fire(by candles: [MinuteCandle], on connection: PostgresConnection, logger: Logger) async throws
        -> [OwnedObject<Alert>]
    {
        var query = BoundQuery()
        let symbols = query.bind(candles.map(\.symbol))
        let minutes = query.bind(candles.map(\.minute))
        let highs = query.bind(candles.map(\.high))
        let lows = query.bind(candles.map(\.low))
        // The batch's extremes per symbol pick the candidates: two ranges of the partial index
        // on (symbol, condition, price) a symbol, however many alerts wait elsewhere. Only the
        // candidates are then matched with each candle, for the earliest one that reached them.
        query.append(
            """
            WITH stored AS (
                SELECT * FROM unnest(\(symbols)::text[], \(minutes)::int8[], \(highs)::text[]::numeric[],
                    \(lows)::text[]::numeric[]) AS candle (symbol, minute, high, low)
            ), extremes AS (
                SELECT symbol, max(high) AS high, min(low) AS low FROM stored GROUP BY symbol
            ), candidates AS (
                SELECT candidate.* FROM extremes CROSS JOIN LATERAL (
                    SELECT id, symbol, condition, price, armed_at FROM alerts
                    WHERE symbol = extremes.symbol AND status = 'active' AND condition = 'above'
                        AND price <= extremes.high
                    UNION ALL
                    SELECT id, symbol, condition, price, armed_at FROM alerts
                    WHERE symbol = extremes.symbol AND status = 'active' AND condition = 'below'
                        AND price >= extremes.low
                ) AS candidate
            ), reached AS (
                SELECT candidates.id AS alert_id, min(stored.minute) AS minute
                FROM candidates JOIN stored ON stored.symbol = candidates.symbol
                    AND CASE candidates.condition WHEN 'above' THEN stored.high >= candidates.price
                        ELSE stored.low <= candidates.price END
                    AND candidates.armed_at < to_timestamp(stored.minute + 60)
                GROUP BY candidates.id
            )
            UPDATE alerts SET status = 'triggered', triggered_at = to_timestamp(reached.minute),
                version = version + 1, updated_at = now()
            FROM reached WHERE alerts.id = reached.alert_id AND alerts.status = 'active'
            RETURNING \(CollectionStore<Alerts>.selectList)
            """)
        return try await CollectionStore<Alerts>.objects(query, on: connection, logger: logger)
    }
}
