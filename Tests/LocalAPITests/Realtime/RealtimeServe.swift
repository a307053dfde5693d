import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

/// `chronoview-local serve` over the real template and functions and a database of its own, as
/// a developer runs it, with its HTTP, Invoke and WebSocket APIs on free ports.
struct RealtimeServe: Sendable {
    let api: String
    let invokeAPI: String
    let webSocketPort: Int
    let database: String
    let client: HTTPClient

    static func run(_ body: (RealtimeServe) async throws -> Void) async throws {
        try await ServeProcess.run(arguments: ["--websocket-port", "0", "--no-throttling"]) { serve in
            let invokeAPI = try #require(serve.banner.firstMatch(of: /Invoke API on (http:\/\/127\.0\.0\.1:\d+)/)).1
            let webSocketPort = try #require(
                serve.banner.firstMatch(of: /WebSocket API on ws:\/\/127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            do {
                try await body(
                    RealtimeServe(
                        api: serve.api, invokeAPI: String(invokeAPI), webSocketPort: webSocketPort,
                        database: serve.database, client: client))
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    /// An API request; the answer's status and JSON object.
    func call(_ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil) async throws
        -> (status: Int, json: [String: Any])
    {
        try await client.callAPI(method, api, path, token: token, body: body)
    }

    /// A new user's access token.
    func signUp(_ email: String) async throws -> String {
        let credentials = #"{"email":"\#(email)","password":"a long password"}"#
        #expect(try await call(.POST, "/api/users", body: credentials).status == 201)
        return try #require(try await call(.POST, "/api/login", body: credentials).json["access_token"] as? String)
    }

    /// Ingest, invoked through the Invoke API as the candles queue's consumer would be, with
    /// the given candles of the current minute; returns how many it accepted.
    func ingest(_ candles: [(symbol: String, high: String)]) async throws -> Int {
        let now = Int(Date().timeIntervalSince1970)
        let minute = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(now - now % 60)))
        let items = candles.map {
            #"{"symbol":"\#($0.symbol)","t":"\#(minute)","o":"100","h":"\#($0.high)","l":"99","c":"100","v":"1"}"#
        }
        var request = HTTPClientRequest(url: invokeAPI + "/2015-03-31/functions/Ingest/invocations")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: #"{"candles":[\#(items.joined(separator: ","))]}"#))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any]
        return json?["accepted"] as? Int ?? -1
    }

    /// A connection with `token`, run through `body`; the test fails unless the handshake succeeds.
    func connect<Result: Sendable>(token: String, _ body: (inout WebSocketSession) async throws -> Result)
        async throws -> Result
    {
        let handshake = try await WebSocketTestClient.connect(port: webSocketPort, target: "/?token=\(token)")
        guard case .upgraded(let channel) = handshake else {
            Issue.record("the handshake was refused: \(handshake)")
            throw CancellationError()
        }
        return try await channel.session(body)
    }

    /// The connections the database holds.
    func connectionCount() async throws -> Int {
        let rows = try await AdminDatabase.run("SELECT count(*)::text FROM realtime_connections", at: database)
        return Int(rows.first.flatMap { $0 } ?? "") ?? -1
    }

    /// Waits up to 30 seconds for `condition`.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while clock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

extension WebSocketSession {
    /// The next message as a JSON object.
    mutating func nextMessage() async throws -> [String: Any] {
        let text = try #require(try await nextText(), "the connection ended")
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    /// Subscribes; returns the messages pushed before the answer, then the answer's symbols.
    mutating func subscribe(_ symbols: [String]) async throws -> (pushed: [[String: Any]], symbols: [String]) {
        let list = symbols.map { "\"\($0)\"" }.joined(separator: ",")
        try await send(#"{"action":"subscribe","symbols":[\#(list)]}"#)
        var pushed: [[String: Any]] = []
        while true {
            let message = try await nextMessage()
            if message["type"] as? String == "subscribed" { return (pushed, message["symbols"] as? [String] ?? []) }
            pushed.append(message)
        }
    }
}
