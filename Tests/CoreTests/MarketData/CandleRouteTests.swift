import Core
import Foundation
import TestSupport
import Testing

/// `GET /api/candles` as the Candles function serves it.
@Suite struct CandleRouteTests {
    static func get(_ query: [String: String], token: String?, routes: [String: Endpoint]) async -> TestResponse {
        var event = TestEvent("GET", "/api/candles", query: query)
        if let token { event = event.bearer(token) }
        return await event.send(to: routes)
    }

    @Test func answersBucketsOldestFirstWithinFromAndTo() async throws {
        try await TestDatabase.withServices { services in
            let (_, token, _) = try await AccountFixtures(services: services).newSession()
            let routes = APIFunction.candles.routes(services)
            let start = epochSeconds("2025-01-06T00:00:00Z")
            let candles = (0..<10).map {
                MinuteCandle(
                    symbol: "EUR/USD", minute: start + Int64($0) * 60, open: "1.1", high: "1.2", low: "1.0",
                    close: "1.15", volume: "10.5")
            }
            _ = try await services.candles.ingest(candles, logger: TestDatabase.logger)

            let latest = await Self.get(
                ["symbol": "eur/usd", "interval": "1m", "limit": "3"], token: token, routes: routes)
            #expect(latest.status == 200)
            #expect(latest.json["symbol"] as? String == "EUR/USD")
            #expect(latest.json["interval"] as? String == "1m")
            let times = (latest.json["candles"] as? [[String: Any]] ?? []).compactMap { $0["t"] as? String }
            #expect(times == ["2025-01-06T00:07:00.000Z", "2025-01-06T00:08:00.000Z", "2025-01-06T00:09:00.000Z"])

            let ranged = await Self.get(
                ["symbol": "EUR/USD", "interval": "3m", "from": "2025-01-06T00:03:00Z", "to": "2025-01-06T00:09:00Z"],
                token: token, routes: routes)
            let buckets = ranged.json["candles"] as? [[String: Any]] ?? []
            #expect(
                buckets.compactMap { $0["t"] as? String } == ["2025-01-06T00:03:00.000Z", "2025-01-06T00:06:00.000Z"])
            #expect(buckets.first?["v"] as? String == "31.5")
            #expect(buckets.first?["o"] as? String == "1.1")

            let nobody = await Self.get(["symbol": "NOBODY", "interval": "1M"], token: token, routes: routes)
            #expect(nobody.status == 200)
            #expect((nobody.json["candles"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func namesEveryBadFieldAndNeedsAToken() async throws {
        try await TestDatabase.withServices { services in
            let (_, token, _) = try await AccountFixtures(services: services).newSession()
            let routes = APIFunction.candles.routes(services)
            let bad = await Self.get(
                ["symbol": "BTC USD", "interval": "1y", "from": "yesterday", "limit": "1001"], token: token,
                routes: routes)
            #expect(bad.status == 422)
            #expect(Set(bad.errorFields) == ["symbol", "interval", "from", "limit"])
            let missing = await Self.get([:], token: token, routes: routes)
            #expect(Set(missing.errorFields) == ["symbol", "interval"])
            let backwards = await Self.get(
                ["symbol": "A", "interval": "1m", "from": "2025-01-02T00:00:00Z", "to": "2025-01-01T00:00:00Z"],
                token: token, routes: routes)
            #expect(backwards.errorFields == ["to"])
            let anonymous = await Self.get(["symbol": "A", "interval": "1m"], token: nil, routes: routes)
            #expect(anonymous.status == 401)
        }
    }
}
