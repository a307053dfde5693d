import Foundation
import LocalHarness
import NIOCore
import Testing

/// The Charts, Watchlists and Alerts executables as processes: each one's create, list, read,
/// update (with and without `if-match`) and delete, on a user made through the account functions.
@Suite struct CollectionFunctionTests {
    static let functions = ["Migrate", "CreateUser", "Login", "Charts", "Watchlists", "Alerts"]

    /// The function, its collection, a valid body and a valid change.
    static let cases: [(function: String, collection: String, body: String, change: String)] = [
        ("Charts", "charts", #"{"name":"Daily","symbol":"btcusd","interval":"1d"}"#, #"{"interval":"1w"}"#),
        ("Watchlists", "watchlists", #"{"name":"Tech","symbols":["aapl","msft"]}"#, #"{"symbols":["nvda"]}"#),
        ("Alerts", "alerts", #"{"symbol":"AAPL","condition":"above","price":"212.50"}"#, #"{"price":1.5}"#),
    ]

    static func call(_ lambda: LocalLambda, _ function: String, _ event: HTTPEvent) async throws -> HTTPResult {
        try HTTPResult(try await lambda.invoke(function, payload: event.payload).payload)
    }

    @Test func eachCollectionFunctionServesItsFiveRoutesAsAProcess() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let credentials = #"{"email":"collections@example.com","password":"a long password"}"#
            _ = try await Self.call(
                lambda, "CreateUser", HTTPEvent(method: "POST", route: "/api/users", body: credentials))
            let session = try await Self.call(
                lambda, "Login", HTTPEvent(method: "POST", route: "/api/login", body: credentials))
            let bearer = ["authorization": "Bearer \(try #require(session.json["access_token"] as? String))"]

            for (function, collection, body, change) in Self.cases {
                let base = "/api/\(collection)"
                let created = try await Self.call(
                    lambda, function, HTTPEvent(method: "POST", route: base, headers: bearer, body: body))
                #expect(created.statusCode == 201, "\(function)")
                let id = try #require(created.json["id"] as? String)
                #expect(created.headers["location"] == "\(base)/\(id)")
                #expect(created.headers["etag"] == #""1""#)

                let listed = try await Self.call(
                    lambda, function, HTTPEvent(method: "GET", route: base, headers: bearer))
                #expect(listed.statusCode == 200)
                #expect((listed.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])

                func item(_ method: String, headers: [String: String] = [:], body: String? = nil) -> HTTPEvent {
                    HTTPEvent(
                        method: method, route: "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id],
                        headers: bearer.merging(headers) { $1 }, body: body)
                }
                let read = try await Self.call(lambda, function, item("GET"))
                #expect(read.statusCode == 200)
                #expect(read.headers["etag"] == #""1""#)
                let patched = try await Self.call(lambda, function, item("PATCH", body: change))
                #expect(patched.statusCode == 200)
                #expect(patched.json["version"] as? Int == 2)
                let stale = try await Self.call(
                    lambda, function, item("PATCH", headers: ["if-match": #""1""#], body: change))
                #expect(stale.statusCode == 412)
                let current = try await Self.call(
                    lambda, function, item("PATCH", headers: ["if-match": #""2""#], body: change))
                #expect(current.statusCode == 200)
                #expect(current.headers["etag"] == #""3""#)
                #expect(try await Self.call(lambda, function, item("DELETE")).statusCode == 204)
                #expect(try await Self.call(lambda, function, item("GET")).statusCode == 404)
            }
        }
    }
}
