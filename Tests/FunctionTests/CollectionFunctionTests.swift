import Foundation
import LocalHarness
import NIOCore
import TestSupport
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

    @Test func eachCollectionFunctionServesItsFiveRoutesAsAProcess() async throws {
        try await FunctionProcesses.with(Self.functions) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            let credentials = #"{"email":"collections@example.com","password":"a long password"}"#
            _ = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: credentials))
            let session = try await lambda.respond("Login", to: TestEvent("POST", "/api/login", body: credentials))
            let bearer = ["authorization": "Bearer \(try #require(session.json["access_token"] as? String))"]

            for (function, collection, body, change) in Self.cases {
                let base = "/api/\(collection)"
                let created = try await lambda.respond(
                    function, to: TestEvent("POST", base, headers: bearer, body: body))
                #expect(created.status == 201, "\(function)")
                let id = try #require(created.json["id"] as? String)
                #expect(created.header("location") == "\(base)/\(id)")
                #expect(created.header("etag") == #""1""#)

                let listed = try await lambda.respond(function, to: TestEvent("GET", base, headers: bearer))
                #expect(listed.status == 200)
                #expect((listed.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id])

                func item(_ method: String, headers: [String: String] = [:], body: String? = nil) -> TestEvent {
                    TestEvent(
                        method, "\(base)/{id}", path: "\(base)/\(id)", pathParameters: ["id": id],
                        headers: bearer.merging(headers) { $1 }, body: body)
                }
                let read = try await lambda.respond(function, to: item("GET"))
                #expect(read.status == 200)
                #expect(read.header("etag") == #""1""#)
                let patched = try await lambda.respond(function, to: item("PATCH", body: change))
                #expect(patched.status == 200)
                #expect(patched.json["version"] as? Int == 2)
                let stale = try await lambda.respond(
                    function, to: item("PATCH", headers: ["if-match": #""1""#], body: change))
                #expect(stale.status == 412)
                let current = try await lambda.respond(
                    function, to: item("PATCH", headers: ["if-match": #""2""#], body: change))
                #expect(current.status == 200)
                #expect(current.header("etag") == #""3""#)
                #expect(try await lambda.respond(function, to: item("DELETE")).status == 204)
                #expect(try await lambda.respond(function, to: item("GET")).status == 404)
            }
        }
    }
}
