import Core
import Foundation
import Postgres
import Runtime
import TestSupport
import Testing

/// Alerts that fire (API.md 1.1): when a stored candle reaches the price of an alert armed
/// before it closed, once, whatever runs at the same time.
@Suite struct AlertFiringTests {
    /// A candle of `symbol` that opened `ago` seconds before now, trading between `low` and `high`.
    static func candle(_ symbol: String, low: String, high: String, ago: Int64 = 0) -> MinuteCandle {
        let now = Int64(Date().timeIntervalSince1970)
        return MinuteCandle(
            symbol: symbol, minute: now - now % 60 - ago, open: low, high: high, low: low, close: high, volume: "1")
    }

    static func alert(_ client: CollectionClient, _ condition: String, _ price: String, symbol: String = "FIRE")
        async throws -> String
    {
        let response = await client.create(#"{"symbol":"\#(symbol)","condition":"\#(condition)","price":"\#(price)"}"#)
        try #require(response.status == 201, "\(response.body ?? "")")
        return try #require(response.json["id"] as? String)
    }

    /// Moves the moment the alert was armed an hour back, so that candles of the last hour reach it.
    static func armAnHourAgo(_ client: CollectionClient, _ id: String) async throws {
        let uuid = try #require(UUID(uuidString: id))
        try await client.execute("UPDATE alerts SET armed_at = now() - interval '1 hour' WHERE id = \(uuid)")
    }

    @Test func aCandleReachingThePriceFiresAboveAndBelowAlertsWithItsMinute() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .alerts)
            let above = try await Self.alert(client, "above", "105.5")
            let below = try await Self.alert(client, "below", "95")
            let untouched = try await Self.alert(client, "above", "200")
            let otherSymbol = try await Self.alert(client, "above", "1", symbol: "ELSEWHERE")
            let candle = Self.candle("FIRE", low: "95", high: "105.5")
            let ingestion = try await services.candles.ingest([candle], logger: TestDatabase.logger)
            #expect(Set(ingestion.firedAlerts.map(\.id.uuidString).map { $0.lowercased() }) == [above, below])
            let minute = UTCTimestamp.format(seconds: Int(candle.minute), milliseconds: 0)
            for id in [above, below] {
                let fired = await client.get(id)
                #expect(fired.json["status"] as? String == "triggered")
                #expect(fired.json["triggered_at"] as? String == minute)
                #expect(fired.json["version"] as? Int == 2)
                #expect(fired.header("etag") == #""2""#)
            }
            for id in [untouched, otherSymbol] {
                #expect(await client.get(id).json["status"] as? String == "active")
            }
        }
    }

    @Test func anAlertFiresOnceWhenParallelIngestionsReachIt() async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let client = try await CollectionClient.signUp(services, for: .alerts)
            let id = try await Self.alert(client, "above", "100")
            try await Self.armAnHourAgo(client, id)
            let fired = try await withThrowingTaskGroup(of: Int.self) { group in
                for ago in 0..<8 {
                    group.addTask {
                        try await services.candles.ingest(
                            [Self.candle("FIRE", low: "99", high: "101", ago: Int64(ago) * 60)],
                            logger: TestDatabase.logger
                        ).firedAlerts.count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(fired == 1)
            let alert = await client.get(id)
            #expect(alert.json["status"] as? String == "triggered")
            #expect(alert.json["version"] as? Int == 2)
        }
    }

    @Test func theEarliestCandleOfAnIngestionIsTheTriggeringOne() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .alerts)
            let id = try await Self.alert(client, "below", "50")
            try await Self.armAnHourAgo(client, id)
            let later = Self.candle("FIRE", low: "40", high: "60")
            let earlier = Self.candle("FIRE", low: "45", high: "60", ago: 60)
            _ = try await services.candles.ingest([later, earlier], logger: TestDatabase.logger)
            let expected = UTCTimestamp.format(seconds: Int(earlier.minute), milliseconds: 0)
            #expect(await client.get(id).json["triggered_at"] as? String == expected)
        }
    }

    @Test func candlesThatClosedBeforeTheAlertWasArmedNeverFireIt() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .alerts)
            let id = try await Self.alert(client, "above", "10")
            // Closed two minutes ago: before the alert existed.
            let old = Self.candle("FIRE", low: "5", high: "20", ago: 180)
            #expect(try await services.candles.ingest([old], logger: TestDatabase.logger).firedAlerts.isEmpty)
            #expect(await client.get(id).json["status"] as? String == "active")
        }
    }

    @Test func disabledAlertsNeverFireAndARearmedAlertFiresAgain() async throws {
        try await TestDatabase.withServices { services in
            let client = try await CollectionClient.signUp(services, for: .alerts)
            let id = try await Self.alert(client, "above", "10")
            #expect(await client.patch(id, #"{"status":"disabled"}"#).status == 200)
            let reaching = Self.candle("FIRE", low: "5", high: "20")
            #expect(try await services.candles.ingest([reaching], logger: TestDatabase.logger).firedAlerts.isEmpty)

            #expect(await client.patch(id, #"{"status":"active"}"#).status == 200)
            // A stale if-match after the firing is refused: the firing changed the version.
            let armedVersion = try #require(await client.get(id).json["version"] as? Int)
            // Of the minute the alert was re-armed in: on a busy machine the first one may have
            // closed before it was.
            let reachingAgain = Self.candle("FIRE", low: "5", high: "20")
            #expect(
                try await services.candles.ingest([reachingAgain], logger: TestDatabase.logger).firedAlerts.count == 1)
            let stale = await client.patch(id, #"{"note":"x"}"#, ifMatch: "\"\(armedVersion)\"")
            #expect(stale.status == 412)

            let rearmed = await client.patch(id, #"{"status":"active"}"#)
            #expect(rearmed.json["status"] as? String == "active")
            #expect(rearmed.json["triggered_at"] is NSNull)
            let next = Self.candle("FIRE", low: "5", high: "20", ago: -60)
            #expect(try await services.candles.ingest([next], logger: TestDatabase.logger).firedAlerts.count == 1)
        }
    }
}
