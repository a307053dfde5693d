import Foundation
import NIOHTTP1
import TestSupport
import Testing

/// The realtime API end to end through `chronoview-local serve`: connections through the
/// WebSocket API emulator to the Realtime function, candles and fired alerts pushed by Ingest
/// through Push and the @connections API, and connections that go away forgotten.
///
/// One at a time: each runs the whole local stack, and together they would starve the
/// timing-sensitive suites running beside them.
@Suite(.serialized, .timeLimit(.minutes(2))) struct RealtimeServeTests {
    @Test func aSubscriberReceivesEachCandleOfItsSymbolsAndNoOther() async throws {
        try await RealtimeServe.run { serve in
            let token = try await serve.signUp("candles@example.com")
            try await serve.connect(token: token) { btc in
                #expect(try await btc.subscribe(["rt:btc"]).symbols == ["RT:BTC"])
                try await serve.connect(token: token) { eth in
                    #expect(try await eth.subscribe(["RT:ETH"]).symbols == ["RT:ETH"])
                    #expect(try await serve.ingest([(symbol: "RT:BTC", high: "101")]) == 1)
                    let candle = try await btc.nextMessage()
                    #expect(candle["type"] as? String == "candle")
                    #expect(candle["symbol"] as? String == "RT:BTC")
                    #expect(candle["interval"] as? String == "1m")
                    #expect((candle["candle"] as? [String: Any])?["h"] as? String == "101")

                    // ETH's first message is its own candle: it never got BTC's.
                    #expect(try await serve.ingest([(symbol: "RT:ETH", high: "102")]) == 1)
                    let other = try await eth.nextMessage()
                    #expect(other["symbol"] as? String == "RT:ETH")
                }
            }
        }
    }

    @Test func aFiredAlertReachesEachConnectionOfItsOwnerOnceEvenWhenIngestionsRace() async throws {
        try await RealtimeServe.run { serve in
            let owner = try await serve.signUp("owner@example.com")
            let stranger = try await serve.signUp("stranger@example.com")
            let alert = try await serve.call(
                .POST, "/api/alerts", token: owner, body: #"{"symbol":"RT:SOL","condition":"above","price":"105"}"#)
            let alertID = try #require(alert.json["id"] as? String)
            try await serve.connect(token: owner) { first in
                try await serve.connect(token: owner) { second in
                    try await serve.connect(token: stranger) { other in
                        // Four ingestions at once, each crossing the price.
                        let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
                            for high in ["106", "107", "108", "109"] {
                                group.addTask { try await serve.ingest([(symbol: "RT:SOL", high: high)]) }
                            }
                            return try await group.reduce(0, +)
                        }
                        #expect(accepted == 4)
                        for message in [try await first.nextMessage(), try await second.nextMessage()] {
                            #expect(message["type"] as? String == "alert.triggered")
                            let fired = message["alert"] as? [String: Any]
                            #expect(fired?["id"] as? String == alertID)
                            #expect(fired?["status"] as? String == "triggered")
                        }
                        // Time for a duplicate to arrive; anything pushed comes before the answer.
                        try await Task.sleep(for: .seconds(1))
                        #expect(try await first.subscribe(["RT:X"]).pushed.isEmpty)
                        #expect(try await second.subscribe(["RT:X"]).pushed.isEmpty)
                        #expect(try await other.subscribe(["RT:X"]).pushed.isEmpty)
                    }
                }
            }
        }
    }

    @Test func aVanishedClientAndAGoneConnectionAreForgotten() async throws {
        try await RealtimeServe.run { serve in
            let token = try await serve.signUp("vanishing@example.com")
            try await serve.connect(token: token) { session in
                _ = try await session.subscribe(["RT:ADA"])
                #expect(try await serve.connectionCount() == 1)
                try await session.vanish()
            }
            #expect(try await RealtimeServe.eventually { try await serve.connectionCount() == 0 })

            // A connection the database holds but API Gateway no longer has: its first push is
            // answered 410, and Push has Realtime forget it.
            _ = try await AdminDatabase.run(
                """
                INSERT INTO realtime_connections (id, user_id, symbols)
                SELECT 'R2hvc3QtQ29ubmU=', id, ARRAY['RT:ADA'] FROM users
                """, at: serve.database)
            #expect(try await serve.connectionCount() == 1)
            #expect(try await serve.ingest([(symbol: "RT:ADA", high: "101")]) == 1)
            #expect(try await RealtimeServe.eventually { try await serve.connectionCount() == 0 })
        }
    }
}
