import Foundation
import LocalHarness
import NIOCore
import TestSupport
import Testing

/// The Ingest executable as a process, through the Runtime API: a direct event answered with a
/// report, an SQS batch answered with its failures, and a malformed event as a reported error.
@Suite struct IngestFunctionTests {
    static let functions = ["Migrate", "Ingest", "CreateUser", "Login", "Candles"]

    /// A candle `minutesAgo` minutes before the current minute, as the event carries it.
    static func candle(_ symbol: String, minutesAgo: Int, high: String = "101") -> String {
        let now = Int(Date().timeIntervalSince1970)
        let minute = now - now % 60 - minutesAgo * 60
        let time = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(minute)))
        return #"{"symbol":"\#(symbol)","t":"\#(time)","o":100,"h":"\#(high)","l":"99.5","c":"100.5","v":"3"}"#
    }

    static func json(_ result: InvocationResult) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(result.payload.readableBytesView)) as? [String: Any]) ?? [:]
    }

    @Test func aDirectEventStoresTheGoodCandlesAndReportsEachBadOne() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let event = """
                {"candles":[\(Self.candle("btcusdt", minutesAgo: 2)),\(Self.candle("BAD SYMBOL", minutesAgo: 1)),\
                \(Self.candle("BTCUSDT", minutesAgo: 1, high: "1")),\(Self.candle("BTCUSDT", minutesAgo: 1))]}
                """
            let result = try await lambda.invoke("Ingest", payload: ByteBuffer(string: event))
            #expect(result.errorType == nil)
            let report = Self.json(result)
            #expect(report["accepted"] as? Int == 2)
            let rejected = report["rejected"] as? [[String: Any]] ?? []
            #expect(rejected.compactMap { $0["index"] as? Int } == [1, 2])
            #expect((rejected.first?["reason"] as? String)?.hasPrefix("symbol:") == true)

            let credentials = #"{"email":"ingest@example.com","password":"a long password"}"#
            _ = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: credentials))
            let session = try await lambda.respond("Login", to: TestEvent("POST", "/api/login", body: credentials))
            let bearer = ["authorization": "Bearer \(try #require(session.json["access_token"] as? String))"]
            let candles = try await lambda.respond(
                "Candles",
                to: TestEvent(
                    "GET", "/api/candles", query: ["symbol": "BTCUSDT", "interval": "1m"], headers: bearer))
            #expect(candles.status == 200)
            #expect((candles.json["candles"] as? [Any])?.count == 2)
        }
    }

    @Test func anSQSBatchNamesOnlyTheMessagesItCouldNotStore() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            func record(_ id: String, _ body: String) -> String {
                let escaped = String(data: try! JSONEncoder().encode(body), encoding: .utf8)!
                return #"{"messageId":"\#(id)","receiptHandle":"r","body":\#(escaped),"attributes":{},"#
                    + #""messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs","#
                    + #""eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:candles","awsRegion":"us-east-1"}"#
            }
            let event = """
                {"Records":[\(record("good", #"{"candles":[\#(Self.candle("ETHUSDT", minutesAgo: 3))]}"#)),\
                \(record("not-json", "{nope")),\(record("no-candles", #"{"prices":[]}"#)),\
                \(record("half-bad", #"{"candles":[\#(Self.candle("ETHUSDT", minutesAgo: 2)),{"symbol":"X"}]}"#))]}
                """
            let result = try await lambda.invoke("Ingest", payload: ByteBuffer(string: event))
            #expect(result.errorType == nil)
            let failures = Self.json(result)["batchItemFailures"] as? [[String: Any]] ?? []
            #expect(failures.compactMap { $0["itemIdentifier"] as? String } == ["not-json", "no-candles"])
        }
    }

    @Test func aMalformedEventIsAReportedFunctionError() async throws {
        try await FunctionProcesses.with(["Migrate", "Ingest"]) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            for event in [#"{"prices":[]}"#, #"{"candles":{}}"#, "[1,2]"] {
                let result = try await lambda.invoke("Ingest", payload: ByteBuffer(string: event))
                #expect(result.errorType == "Runtime.UnmarshalError", "\(event)")
            }
            let tooMany = "{\"candles\":[" + Array(repeating: "{}", count: 1001).joined(separator: ",") + "]}"
            let result = try await lambda.invoke("Ingest", payload: ByteBuffer(string: tooMany))
            #expect(result.errorType == "Runtime.UnmarshalError")
            #expect(String(buffer: result.payload).contains("at most 1000 candles"))
        }
    }

    /// Pushing is handed off after the candles are stored: a Lambda endpoint that refuses the
    /// connection, or takes it and never answers, costs an ingestion its hand-off timeout at
    /// most, never its candles.
    @Test func anUnreachableOrStalledPushFunctionNeverFailsAnIngestion() async throws {
        let refused = "http://127.0.0.1:\(try await UnusedPort.find())"
        try await StandInServer.with({ _ in .silence }) { stalled, stalledURL in
            for endpoint in [refused, stalledURL] {
                let environment = ["PUSH_FUNCTION_NAME": "Push", "AWS_ENDPOINT_URL_LAMBDA": endpoint]
                try await FunctionProcesses.with(["Migrate", "CreateUser", "Ingest"], environment: environment) {
                    lambda, database in
                    _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
                    let credentials = #"{"email":"listener@example.com","password":"a long password"}"#
                    _ = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: credentials))
                    // Someone listens, so the ingestion has messages to hand over.
                    try await AdminDatabase.run(
                        """
                        INSERT INTO realtime_connections (id, user_id, symbols)
                        SELECT 'TGlzdGVuaW5nMDE=', id, ARRAY['PUSHUSDT'] FROM users
                        """, at: database["DATABASE_URL"])
                    let event = #"{"candles":[\#(Self.candle("PUSHUSDT", minutesAgo: 1))]}"#
                    let result = try await lambda.invoke("Ingest", payload: ByteBuffer(string: event))
                    #expect(result.errorType == nil, "\(endpoint)")
                    #expect(Self.json(result)["accepted"] as? Int == 1, "\(endpoint)")
                }
            }
            #expect(stalled.requests.count == 1)
        }
    }
}
