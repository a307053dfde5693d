import Logging
import PostgresNIO

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
        // One join per side, each a range of the partial index on (symbol, condition, price).
        query.append(
            """
            WITH stored AS (
                SELECT * FROM unnest(\(symbols)::text[], \(minutes)::int8[], \(highs)::text[]::numeric[],
                    \(lows)::text[]::numeric[]) AS candle (symbol, minute, high, low)
            ), reached AS (
                SELECT DISTINCT ON (alert_id) alert_id, minute FROM (
                    SELECT alert.id AS alert_id, stored.minute FROM stored JOIN alerts AS alert
                        ON alert.symbol = stored.symbol AND alert.status = 'active' AND alert.condition = 'above'
                        AND alert.price <= stored.high AND alert.armed_at < to_timestamp(stored.minute + 60)
                    UNION ALL
                    SELECT alert.id, stored.minute FROM stored JOIN alerts AS alert
                        ON alert.symbol = stored.symbol AND alert.status = 'active' AND alert.condition = 'below'
                        AND alert.price >= stored.low AND alert.armed_at < to_timestamp(stored.minute + 60)
                ) AS hit
                ORDER BY alert_id, minute
            )
            UPDATE alerts SET status = 'triggered', triggered_at = to_timestamp(reached.minute),
                version = version + 1, updated_at = now()
            FROM reached WHERE alerts.id = reached.alert_id AND alerts.status = 'active'
            RETURNING \(CollectionStore<Alerts>.selectList)
            """)
        return try await CollectionStore<Alerts>.objects(query, on: connection, logger: logger)
    }
}
