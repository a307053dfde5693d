import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Candles in and out: storing an ingestion's minutes with every rollup and firing the alerts
/// they reach, in one transaction; reading a chart's buckets.
public struct CandleService: Sendable {
    let database: Database
    /// How long 1-minute candles are kept; `nil` keeps them for ever.
    let minuteRetentionDays: Int?

    /// The most old minutes one ingestion deletes, so that no ingestion pays for a backlog.
    static let purgeBatch = 1000

    public init(database: Database, minuteRetentionDays: Int? = nil) {
        self.database = database
        self.minuteRetentionDays = minuteRetentionDays
    }

    /// The oldest minute (seconds since the epoch) still accepted at `now`: an older one's
    /// rollups could not be rebuilt from the minutes kept. `nil` when minutes are kept for ever.
    public func oldestAcceptedMinute(now: Int64) -> Int64? {
        minuteRetentionDays.map { now - Int64($0) * 86_400 }
    }

    /// What an ingestion stored and fired.
    public struct Ingestion: Sendable {
        /// The candles that are new or differ from the ones stored, by symbol and minute (of a
        /// minute given twice, the last one): what the realtime API pushes.
        public var changed: [MinuteCandle]
        public var firedAlerts: [OwnedObject<Alert>]
    }

    /// Stores `candles` (a minute already stored is replaced, and a minute given twice in
    /// `candles` counts as its last), rebuilds every bucket that holds one of them, and fires the
    /// alerts they reach: all of it or nothing.
    public func ingest(_ candles: [MinuteCandle], logger: Logger) async throws -> Ingestion {
        let latest = Self.lastOfEachMinute(candles)
        guard !latest.isEmpty else { return Ingestion(changed: [], firedAlerts: []) }
        let purgeBefore = oldestAcceptedMinute(now: Int64(Date().timeIntervalSince1970))
        let (changed, fired) = try await database.withTransaction { connection in
            try await CandleStore.lockSymbols(latest.map(\.symbol), on: connection, logger: logger)
            let keys = try await CandleStore.upsertMinutes(latest, on: connection, logger: logger)
            let changed = latest.filter { keys.contains(MinuteKey(symbol: $0.symbol, minute: $0.minute)) }
            // Only the buckets of minutes that changed: the others already hold them.
            if !changed.isEmpty {
                let (symbols, minutes) = (changed.map(\.symbol), changed.map(\.minute))
                for interval in CandleInterval.allCases where interval.source != nil {
                    try await CandleStore.rollUp(
                        interval, symbols: symbols, minutes: minutes, on: connection, logger: logger)
                }
            }
            let fired = try await AlertTrigger.fire(by: latest, on: connection, logger: logger)
            if let purgeBefore {
                try await CandleStore.purgeMinutes(
                    of: Array(Set(latest.map(\.symbol))), before: purgeBefore, limit: Self.purgeBatch, on: connection,
                    logger: logger)
            }
            return (changed, fired)
        }
        return Ingestion(changed: changed, firedAlerts: fired)
    }

    /// Up to `limit` buckets of `interval`, oldest first (see ``CandleQuery``).
    public func buckets(_ query: CandleQuery, logger: Logger) async throws -> [CandleBucket] {
        try await database.withConnection { connection in
            try await CandleStore.buckets(
                symbol: query.symbol, interval: query.interval, from: query.from, to: query.to, limit: query.limit,
                on: connection, logger: logger)
        }
    }

    /// One candle a (symbol, minute), the last given, ordered by symbol and minute.
    static func lastOfEachMinute(_ candles: [MinuteCandle]) -> [MinuteCandle] {
        struct Key: Hashable {
            var symbol: String
            var minute: Int64
        }
        var latest: [Key: MinuteCandle] = [:]
        latest.reserveCapacity(candles.count)
        for candle in candles { latest[Key(symbol: candle.symbol, minute: candle.minute)] = candle }
        return latest.values.sorted { ($0.symbol, $0.minute) < ($1.symbol, $1.minute) }
    }
}
