import Core
import Foundation
import TestSupport
import Testing

/// Every chart interval's buckets against a plain aggregation of the stored minutes, whatever
/// the order and batching in which the minutes, and corrections of them, arrive.
@Suite struct CandleRollupTests {
    /// Around boundaries where alignment goes wrong: a leap day's month end, a 28-day and a
    /// 30-day month end, a year end, a Sunday into Monday, a plain midday.
    static let windows = [
        "2024-02-29T21:00:00Z", "2023-02-28T22:30:00Z", "2025-04-30T23:00:00Z", "2024-12-31T22:00:00Z",
        "2025-11-23T22:00:00Z", "2025-07-15T11:00:00Z",
    ].map(epochSeconds)

    static let symbol = "TEST:ROLLUP"

    @Test func everyIntervalMatchesAPlainAggregationAfterCorrectionsInAnyOrder() async throws {
        var random = SeededGenerator(seed: PropertyRun.seed)
        var sent: [MinuteCandle] = []
        for start in Self.windows {
            // Three hours from each window's start, two of every three minutes present.
            for offset in stride(from: Int64(0), to: 3 * 3600, by: 60) where random.chance(66) {
                sent.append(.random(symbol: Self.symbol, minute: start + offset, using: &random))
            }
        }
        // Corrections: a fifth of the minutes again, with other prices.
        sent += sent.filter { _ in random.chance(20) }.map {
            .random(symbol: Self.symbol, minute: $0.minute, using: &random)
        }
        sent.shuffle(using: &random)
        var batches: [[MinuteCandle]] = []
        var remaining = sent[...]
        while !remaining.isEmpty {
            batches.append(Array(remaining.prefix(Int.random(in: 1...300, using: &random))))
            remaining = remaining.dropFirst(batches.last!.count)
        }
        // The last arrival of a minute is the one stored.
        var reference = ReferenceCandles()
        for candle in sent { reference.minutes[candle.minute] = candle }
        try await TestDatabase.withServices { [batches, reference] services in
            for batch in batches {
                _ = try await services.candles.ingest(batch, logger: TestDatabase.logger)
            }
            try await Self.expectBuckets(of: Self.symbol, matching: reference, in: services)
        }
    }

    @Test func parallelIngestionsOfOneSymbolLeaveEveryBucketRight() async throws {
        var random = SeededGenerator(seed: PropertyRun.seed &+ 1)
        let start = epochSeconds("2025-03-31T20:00:00Z")
        let candles = (0..<480).map {
            MinuteCandle.random(symbol: Self.symbol, minute: start + Int64($0) * 60, using: &random)
        }
        var reference = ReferenceCandles()
        for candle in candles { reference.minutes[candle.minute] = candle }
        // Interleaved minutes: every batch touches the same hours, days and month.
        let batches = (0..<8).map { lane in candles.enumerated().filter { $0.offset % 8 == lane }.map(\.element) }
        try await TestDatabase.withServices(poolSize: 8) { [reference] services in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in batches {
                    group.addTask { _ = try await services.candles.ingest(batch, logger: TestDatabase.logger) }
                }
                try await group.waitForAll()
            }
            try await Self.expectBuckets(of: Self.symbol, matching: reference, in: services)
        }
    }

    @Test func weeksStartOnMondayAndMonthsOnTheFirst() async throws {
        // Sunday 2025-11-30 23:59 and Monday 2025-12-01 00:00: another week and another month.
        let sunday = epochSeconds("2025-11-30T23:59:00Z")
        let candles = [
            MinuteCandle(symbol: "WEEK", minute: sunday, open: "1", high: "2", low: "1", close: "2", volume: "1"),
            MinuteCandle(symbol: "WEEK", minute: sunday + 60, open: "3", high: "4", low: "3", close: "4", volume: "2"),
        ]
        try await TestDatabase.withServices { services in
            _ = try await services.candles.ingest(candles, logger: TestDatabase.logger)
            let weeks = try await services.candles.buckets(
                CandleQuery(symbol: "WEEK", interval: .oneWeek), logger: TestDatabase.logger)
            #expect(weeks.map(\.openTime) == ["2025-11-24T00:00:00.000Z", "2025-12-01T00:00:00.000Z"])
            #expect(weeks.map(\.open) == ["1", "3"])
            let months = try await services.candles.buckets(
                CandleQuery(symbol: "WEEK", interval: .oneMonth), logger: TestDatabase.logger)
            #expect(months.map(\.openTime) == ["2025-11-01T00:00:00.000Z", "2025-12-01T00:00:00.000Z"])
            let fourHours = try await services.candles.buckets(
                CandleQuery(symbol: "WEEK", interval: .fourHours), logger: TestDatabase.logger)
            #expect(fourHours.map(\.openTime) == ["2025-11-30T20:00:00.000Z", "2025-12-01T00:00:00.000Z"])
        }
    }

    @Test func aCorrectionReplacesTheMinuteInEveryBucket() async throws {
        let minute = epochSeconds("2025-06-02T10:17:00Z")
        try await TestDatabase.withServices { services in
            for (high, volume) in [("120", "5"), ("101", "7")] {
                _ = try await services.candles.ingest(
                    [
                        MinuteCandle(
                            symbol: "FIX", minute: minute, open: "100", high: high, low: "99", close: "100",
                            volume: volume)
                    ],
                    logger: TestDatabase.logger)
            }
            for interval in CandleInterval.allCases {
                let buckets = try await services.candles.buckets(
                    CandleQuery(symbol: "FIX", interval: interval), logger: TestDatabase.logger)
                #expect(buckets.map(\.high) == ["101"], "\(interval.rawValue)")
                #expect(buckets.map(\.volume) == ["7"], "\(interval.rawValue)")
            }
        }
    }

    static func expectBuckets(of symbol: String, matching reference: ReferenceCandles, in services: ChronoViewServices)
        async throws
    {
        for interval in CandleInterval.allCases {
            let stored = try await services.candles.buckets(
                CandleQuery(symbol: symbol, interval: interval, from: 0, limit: CandleQuery.maximumLimit),
                logger: TestDatabase.logger)
            let expected = reference.buckets(interval)
            #expect(stored.count == expected.count, "\(interval.rawValue): bucket count")
            let actual = ReferenceCandles.buckets(stored)
            for (start, bucket) in expected where actual[start] != bucket {
                Issue.record(
                    "\(interval.rawValue) bucket at \(start): stored \(actual[start].map(\.description) ?? "nothing"), expected \(bucket)"
                )
            }
            #expect(stored.map(\.openTimeMilliseconds) == stored.map(\.openTimeMilliseconds).sorted())
        }
    }
}
