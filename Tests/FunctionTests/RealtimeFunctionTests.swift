import Foundation
import LocalHarness
import NIOCore
import TestSupport
import Testing

/// The Realtime executable as a process, with the events API Gateway's WebSocket API sends it.
@Suite struct RealtimeFunctionTests {
    static let functions = ["Migrate", "CreateUser", "Login", "Realtime"]

    /// An API Gateway WebSocket event for `connection`.
    static func event(
        _ eventType: String, connection: String, query: [String: String]? = nil, body: String? = nil,
        base64: Bool = false
    ) -> ByteBuffer {
        let routeKey = ["CONNECT": "$connect", "DISCONNECT": "$disconnect"][eventType] ?? "$default"
        var event: [String: Any] = [
            "requestContext": [
                "routeKey": routeKey, "eventType": eventType, "messageDirection": "IN", "stage": "local",
                "connectedAt": 1_764_633_600_000, "requestTimeEpoch": 1_764_633_600_100,
                "requestTime": "02/Dec/2026:17:00:00 +0000", "requestId": "r-\(UUID().uuidString)",
                "domainName": "127.0.0.1", "connectionId": connection, "apiId": "local",
                "identity": ["sourceIp": "127.0.0.1"],
            ],
            "isBase64Encoded": base64,
        ]
        if let query { event["queryStringParameters"] = query }
        if let body { event["body"] = body }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: event))
    }

    static func json(_ result: InvocationResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.payload.readableBytesView)) as? [String: Any]) ?? [:]
    }

    /// The frame the route response sends back for `body`.
    static func reply(_ lambda: LocalLambda, _ connection: String, _ body: String, base64: Bool = false)
        async throws -> [String: Any]
    {
        let result = try await lambda.invoke(
            "Realtime", payload: event("MESSAGE", connection: connection, body: body, base64: base64))
        let text = try #require(json(result)["body"] as? String)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func accessToken(_ lambda: LocalLambda) async throws -> String {
        let credentials = #"{"email":"realtime@example.com","password":"a long password"}"#
        _ = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: credentials))
        let session = try await lambda.respond("Login", to: TestEvent("POST", "/api/login", body: credentials))
        return try #require(session.json["access_token"] as? String)
    }

    @Test func theHandshakeIsRefusedWithoutAValidTokenAndAcceptedWithOne() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            for query: [String: String]? in [nil, ["token": ""], ["token": "not.a.token"]] {
                let refused = Self.json(
                    try await lambda.invoke("Realtime", payload: Self.event("CONNECT", connection: "c1", query: query)))
                #expect(refused["statusCode"] as? Int == 401, "\(String(describing: query))")
            }
            let token = try await Self.accessToken(lambda)
            let accepted = Self.json(
                try await lambda.invoke(
                    "Realtime", payload: Self.event("CONNECT", connection: "c1", query: ["token": token])))
            #expect(accepted["statusCode"] as? Int == 200)
        }
    }

    @Test func subscriptionsAreKeptPerConnectionAndBadMessagesLeaveItOpen() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let token = try await Self.accessToken(lambda)
            for connection in ["a", "b"] {
                _ = try await lambda.invoke(
                    "Realtime", payload: Self.event("CONNECT", connection: connection, query: ["token": token]))
            }
            let subscribed = try await Self.reply(
                lambda, "a",
                #"{"action":"subscribe","symbols":["binance:btcusdt","BINANCE:ETHUSDT","BINANCE:BTCUSDT"]}"#)
            #expect(subscribed["type"] as? String == "subscribed")
            #expect(subscribed["symbols"] as? [String] == ["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"])
            let other = try await Self.reply(lambda, "b", #"{"action":"subscribe","symbols":["EUR/USD"]}"#)
            #expect(other["symbols"] as? [String] == ["EUR/USD"])

            for bad in [
                "not json", #"{"action":"shout","symbols":[]}"#, #"{"action":"subscribe"}"#,
                #"{"action":"subscribe","symbols":["BAD SYMBOL"]}"#,
                #"{"action":"subscribe","symbols":[\#((1...51).map { "\"S\($0)\"" }.joined(separator: ","))]}"#,
            ] {
                let error = try await Self.reply(lambda, "a", bad)
                #expect(error["type"] as? String == "error", "\(bad)")
                #expect(error["code"] as? String == "validation_failed", "\(bad)")
            }
            let binary = try await Self.reply(lambda, "a", "AAEC", base64: true)
            #expect(binary["code"] as? String == "validation_failed")
            // 2 held + 49 new is one too many for the connection, though the message holds 49.
            let tooMany =
                #"{"action":"subscribe","symbols":[\#((1...49).map { "\"S\($0)\"" }.joined(separator: ","))]}"#
            #expect(try await Self.reply(lambda, "a", tooMany)["code"] as? String == "validation_failed")

            let left = try await Self.reply(lambda, "a", #"{"action":"unsubscribe","symbols":["BINANCE:BTCUSDT","X"]}"#)
            #expect(left["symbols"] as? [String] == ["BINANCE:ETHUSDT"])
        }
    }

    @Test func aDisconnectOrTheSweepForgetsTheConnection() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, environment in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let token = try await Self.accessToken(lambda)
            for connection in ["gone", "stale", "fresh"] {
                _ = try await lambda.invoke(
                    "Realtime", payload: Self.event("CONNECT", connection: connection, query: ["token": token]))
            }
            _ = try await lambda.invoke("Realtime", payload: Self.event("DISCONNECT", connection: "gone"))
            _ = try await AdminDatabase.run(
                "UPDATE realtime_connections SET connected_at = now() - interval '2 hours 1 minute' WHERE id = 'stale'",
                at: environment["DATABASE_URL"])
            let sweep = #"{"action":"sweep"}"#
            let swept = try await lambda.invoke("Realtime", payload: ByteBuffer(string: sweep))
            #expect(swept.errorType == nil)

            let remaining = try await AdminDatabase.run(
                "SELECT string_agg(id, ',' ORDER BY id) FROM realtime_connections", at: environment["DATABASE_URL"])
            #expect(remaining == ["fresh"])
            let forgotten = try await Self.reply(lambda, "gone", #"{"action":"subscribe","symbols":["X"]}"#)
            #expect(forgotten["type"] as? String == "error")
        }
    }

    @Test func aUserHasAtMostTenConnectionsAndARetriedConnectIsNoNewOne() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let token = try await Self.accessToken(lambda)
            func connect(_ id: String) async throws -> Int? {
                Self.json(
                    try await lambda.invoke(
                        "Realtime", payload: Self.event("CONNECT", connection: id, query: ["token": token]))
                )["statusCode"] as? Int
            }
            for index in 0..<10 {
                #expect(try await connect("tab\(index)") == 200)
            }
            #expect(try await connect("tab10") == 409)
            // API Gateway may invoke $connect again for the same connection: it is the same one.
            #expect(try await connect("tab3") == 200)
            // Once one goes, another may come.
            _ = try await lambda.invoke("Realtime", payload: Self.event("DISCONNECT", connection: "tab0"))
            #expect(try await connect("tab10") == 200)
        }
    }
}
