import AsyncHTTPClient
import Foundation
import LocalHarness
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

/// Market data through `chronoview-local serve` as a developer runs it, over the real template
/// and functions and a database of its own: candles sent with the AWS CLI to Ingest through the
/// Lambda Invoke API, read back with GET /api/candles, an alert they reach fired; and the
/// simulated feed's prices arriving on their own.
@Suite struct MarketDataServeTests {
    @Test func candlesInvokedIntoIngestAreChartedAndFireAlertsAndTheSimulatedFeedMoves() async throws {
        let aws = try AWSCLI()
        let arguments = [
            "--simulated-feed", "--simulated-symbols", "SIM:TEST", "--simulated-tick", "0.2", "--no-throttling",
        ]
        try await ServeProcess.run(arguments: arguments) { serve in
            let api = serve.api
            let invokeAPI = try #require(serve.banner.firstMatch(of: /Invoke API on (http:\/\/127\.0\.0\.1:\d+)/)).1
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = client.shutdown() }
            func call(_ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil) async throws
                -> (status: Int, json: [String: Any])
            {
                try await client.callAPI(method, api, path, token: token, body: body)
            }
            let credentials = #"{"email":"market@example.com","password":"a long password"}"#
            #expect(try await call(.POST, "/api/users", body: credentials).status == 201)
            let token = try #require(
                try await call(.POST, "/api/login", body: credentials).json["access_token"] as? String)
            let alert = try await call(
                .POST, "/api/alerts", token: token, body: #"{"symbol":"E2E:BTC","condition":"above","price":"105"}"#)
            let alertID = try #require(alert.json["id"] as? String)

            let now = Int(Date().timeIntervalSince1970)
            let minute = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now - now % 60)))
            let event = """
                {"candles":[{"symbol":"e2e:btc","t":"\(minute)","o":"100","h":"106.5","l":"99","c":"104","v":"2"},\
                {"symbol":"E2E:BTC","t":"\(minute)","o":"100","h":"99","l":"99","c":"104","v":"2"}]}
                """
            let invoked = try await aws.invoke(endpoint: String(invokeAPI), function: "Ingest", payload: event)
            #expect(invoked.status == .exited(0), "\(invoked.errors)")
            #expect(invoked.payloadFields["accepted"] as? Int == 1)
            #expect((invoked.payloadFields["rejected"] as? [[String: Any]])?.first?["index"] as? Int == 1)

            let candles = try await call(.GET, "/api/candles?symbol=E2E:BTC&interval=1h", token: token)
            #expect(candles.status == 200)
            let buckets = candles.json["candles"] as? [[String: Any]] ?? []
            #expect(buckets.count == 1)
            #expect(buckets.first?["h"] as? String == "106.5")
            let fired = try await call(.GET, "/api/alerts/\(alertID)", token: token)
            #expect(fired.json["status"] as? String == "triggered")

            // The simulated feed: a day of history at once, then the open minute keeps changing.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(30)
            var simulated: [[String: Any]] = []
            while clock.now < deadline {
                simulated =
                    try await call(.GET, "/api/candles?symbol=SIM:TEST&interval=1m&limit=1000", token: token)
                    .json["candles"] as? [[String: Any]] ?? []
                if simulated.count == 1000 { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(simulated.count == 1000)
            // The newest candle is the open minute's (or the one before, if the minute just turned).
            let latest = Int(Date().timeIntervalSince1970)
            let recent = [0, 60].map {
                String(
                    ISO8601DateFormatter().string(
                        from: Date(timeIntervalSince1970: TimeInterval(latest - latest % 60 - $0))
                    ).prefix(19))
            }
            #expect(recent.contains(String((simulated.last?["t"] as? String ?? "").prefix(19))))
        }
    }
}
