import Core
import Foundation
import Testing

/// The feed sends the last few closed minutes every minute: a minute sent again as it was is
/// no change (nothing rolled up, nothing pushed), and a corrected one is.
@Suite struct ResentMinuteTests {
    static func candle(_ minute: Int64, high: String = "101", open: String = "100") -> MinuteCandle {
        MinuteCandle(
            symbol: "TEST:RESENT", minute: minute, open: open, high: high, low: "99", close: "100.5", volume: "3")
    }

    @Test func aMinuteSentAgainUnchangedIsNoChangeAndACorrectionIs() async throws {
        try await TestDatabase.withServices { services in
            let start = epochSeconds("2026-12-01T10:00:00Z")
            let minutes = (0..<5).map { start + Int64($0) * 60 }
            let first = try await services.candles.ingest(minutes.map { Self.candle($0) }, logger: TestDatabase.logger)
            #expect(first.changed.map(\.minute) == minutes)

            // The same five, one of them corrected, one with the same price written another way.
            var again = minutes.map { Self.candle($0) }
            again[2] = Self.candle(minutes[2], high: "102.5")
            again[3] = Self.candle(minutes[3], open: "100.000")
            let second = try await services.candles.ingest(again, logger: TestDatabase.logger)
            #expect(second.changed.map(\.minute) == [minutes[2]])

            // The correction reached the rollups.
            let hour = try await services.candles.buckets(
                CandleQuery(symbol: "TEST:RESENT", interval: .oneHour), logger: TestDatabase.logger)
            #expect(hour.map(\.high) == ["102.5"])
        }
    }
}
