import Logging
import Postgres

/// SQL for the `candles` table: storing minutes, keeping every rollup right, reading buckets.
/// Every value is a parameter; only interval names and their alignment, written in code, go
/// into the text.
enum CandleStore {
    /// The lock space of the per-symbol advisory locks (the two-key form, apart from the
    /// migrator's one-key lock).
    private static let symbolLockSpace: Int32 = 2026

    /// Takes each symbol's transaction lock, in one order for every ingestion, so that two
    /// ingestions of one symbol take turns (each rollup is recomputed from rows the other one
    /// has committed) and never deadlock.
    static func lockSymbols(_ symbols: [String], on connection: PostgresConnection, logger: Logger) async throws {
        // Read, so that a wait the server ends (a deadlock it detects, a timeout) is an error here.
        _ = try await connection.query(
            """
            SELECT pg_advisory_xact_lock(\(symbolLockSpace), key)
            FROM (SELECT DISTINCT hashtext(symbol) AS key FROM unnest(\(symbols)::text[]) AS symbol ORDER BY key) AS keys
            """, logger: logger
        )
    }

    /// Stores 1-minute candles; a stored minute is replaced. `candles` holds one candle a
    /// (symbol, minute): a statement cannot upsert one row twice.
    ///
    /// Returns the (symbol, minute) pairs that are new or changed: a minute sent again as it was
    /// (the feed re-sends the last few) rewrites nothing, rolls nothing up and pushes nothing.
    static func upsertMinutes(_ candles: [MinuteCandle], on connection: PostgresConnection, logger: Logger)
        async throws -> Set<MinuteKey>
    {
        var changed: Set<MinuteKey> = []
        for (symbol, minute) in try await connection.query(
            """
            INSERT INTO candles (symbol, "interval", t, open, high, low, close, volume)
            SELECT symbol, '1m', to_timestamp(minute), open, high, low, close, volume
            FROM unnest(
                \(candles.map(\.symbol))::text[], \(candles.map(\.minute))::int8[],
                \(candles.map(\.open))::text[]::numeric[], \(candles.map(\.high))::text[]::numeric[],
                \(candles.map(\.low))::text[]::numeric[], \(candles.map(\.close))::text[]::numeric[],
                \(candles.map(\.volume))::text[]::numeric[]
            ) AS new (symbol, minute, open, high, low, close, volume)
            \(unescaped: replacingValues)
            RETURNING symbol, extract(epoch FROM t)::int8
            """, logger: logger
        ).decode((String, Int64).self) {
            changed.insert(MinuteKey(symbol: symbol, minute: minute))
        }
        return changed
    }

    /// Rebuilds every `interval` bucket that holds one of the (symbol, minute) pairs from the
    /// buckets of its source interval, which must already be right.
    static func rollUp(
        _ interval: CandleInterval, symbols: [String], minutes: [Int64], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard let source = interval.source else { return }
        var query = BoundQuery()
        let (symbolsParameter, minutesParameter) = (query.bind(symbols), query.bind(minutes))
        query.append(
            """
            INSERT INTO candles (symbol, "interval", t, open, high, low, close, volume)
            SELECT part.symbol, '\(interval.rawValue)', bucket.start,
                (array_agg(part.open ORDER BY part.t))[1], max(part.high), min(part.low),
                (array_agg(part.close ORDER BY part.t DESC))[1], sum(part.volume)
            FROM (
                SELECT DISTINCT symbol, \(interval.bucketStartSQL("to_timestamp(minute)")) AS start
                FROM unnest(\(symbolsParameter)::text[], \(minutesParameter)::int8[]) AS touched (symbol, minute)
            ) AS bucket
            JOIN candles AS part ON part.symbol = bucket.symbol AND part."interval" = '\(source.rawValue)'
                AND part.t >= bucket.start AND part.t < \(interval.bucketEndSQL("bucket.start"))
            GROUP BY part.symbol, bucket.start
            \(replacingValues)
            """)
        try await connection.query(query.query, logger: logger)
    }

    /// Deletes up to `limit` 1-minute candles of `symbols` that opened before `before` (seconds
    /// since the epoch): their rollups stay. Bounded, so one ingestion never pays for a backlog.
    static func purgeMinutes(
        of symbols: [String], before: Int64, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            DELETE FROM candles WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM candles
                WHERE symbol = ANY (\(symbols)::text[]) AND "interval" = '1m' AND t < to_timestamp(\(before))
                LIMIT \(limit)))
            """, logger: logger)
    }

    /// Up to `limit` buckets of `interval` that open in [`from`, `to`) (microseconds since the
    /// epoch), oldest first: the first ones from `from` on, or the last ones before `to` when
    /// `from` is `nil`.
    static func buckets(
        symbol: String, interval: CandleInterval, from: Int64?, to: Int64?, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [CandleBucket] {
        var query = BoundQuery(
            """
            SELECT (extract(epoch FROM t) * 1000)::int8, open::text, high::text, low::text, close::text, volume::text
            FROM candles WHERE symbol = 
            """)
        query.append(query.bind(symbol))
        query.append(#" AND "interval" = \#(query.bind(interval.rawValue))"#)
        if let from {
            query.append(" AND t >= \(microsecondsSQL(query.bind(from)))")
        }
        if let to {
            query.append(" AND t < \(microsecondsSQL(query.bind(to)))")
        }
        query.append(" ORDER BY t \(from == nil ? "DESC" : "ASC") LIMIT \(query.bind(limit))")
        var buckets: [CandleBucket] = []
        buckets.reserveCapacity(limit)
        let rows = try await connection.query(query.query, logger: logger)
        for (milliseconds, open, high, low, close, volume) in try rows.decode(
            (Int64, String, String, String, String, String).self)
        {
            buckets.append(
                CandleBucket(
                    openTimeMilliseconds: milliseconds, open: open, high: high, low: low, close: close, volume: volume))
        }
        return from == nil ? buckets.reversed() : buckets
    }

    /// A moment given in microseconds since the epoch, as an exact `timestamptz`.
    private static func microsecondsSQL(_ parameter: String) -> String {
        "('epoch'::timestamptz + \(parameter)::int8 * interval '1 microsecond')"
    }

    /// An upsert's tail: a bucket that exists takes the new values, unless they are the ones it
    /// holds (an unchanged row is not written again, which spares its dead tuple and WAL).
    private static let replacingValues = """
        ON CONFLICT (symbol, "interval", t) DO UPDATE SET open = excluded.open, high = excluded.high,
            low = excluded.low, close = excluded.close, volume = excluded.volume
        WHERE (candles.open, candles.high, candles.low, candles.close, candles.volume)
            IS DISTINCT FROM (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume)
        """
}
