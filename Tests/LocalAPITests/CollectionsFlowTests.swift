import Foundation
import NIOHTTP1
import Testing

/// The charts, watchlists and alerts of API.md over HTTP, through the emulator, against the
/// real Charts, Watchlists and Alerts functions and a fresh database: each collection's whole
/// cycle, and one user's objects out of another's reach.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] != nil,
        "needs CHRONOVIEW_TEST_DATABASE_URL: run ./build.sh test"),
    .serialized
)
struct CollectionsFlowTests {
    /// A collection, three valid bodies for it, and a change with the field it sets.
    struct Case {
        var collection: String
        var bodies: [[String: Any]]
        var change: (body: [String: Any], field: String, value: String)
    }

    static var cases: [Case] {
        [
            Case(
                collection: "charts",
                bodies: (1...3).map { ["name": "Chart \($0)", "symbol": "binance:btcusdt", "interval": "1d"] },
                change: (["name": "Weekly BTC", "interval": "1w"], "name", "Weekly BTC")),
            Case(
                collection: "watchlists",
                bodies: (1...3).map { ["name": "List \($0)", "symbols": ["aapl", "EUR/USD"]] },
                change: (["name": "Majors"], "name", "Majors")),
            Case(
                collection: "alerts",
                bodies: (1...3).map { ["symbol": "AAPL", "condition": "above", "price": "21\($0).50"] },
                change: (["price": "199.99000001"], "price", "199.99000001")),
        ]
    }

    static let jsonHeaders = [("Content-Type", "application/json")]

    /// Signs up and logs in over HTTP: the `authorization` header for the new user.
    static func signIn(_ api: RunningAPI, _ email: String) async throws -> [(String, String)] {
        let body = AccountsFlowTests.json(["email": email, "password": "correct horse"])
        let created = try await api.send(.POST, "/api/users", headers: jsonHeaders, body: body)
        try #require(created.status == 201, "\(created.text)")
        let login = try await api.send(.POST, "/api/login", headers: jsonHeaders, body: body)
        let token = try #require(try AccountsFlowTests.object(login)["access_token"] as? String)
        return [("Authorization", "Bearer \(token)")]
    }

    static func ids(_ reply: RunningAPI.Reply) throws -> [String] {
        (try AccountsFlowTests.object(reply)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func eachCollectionGoesThroughCreateListPageReadUpdateAndDelete() async throws {
        try await AccountsFlowTests.withAccountsAPI { api in
            let owner = try await Self.signIn(api, "owner@example.com")
            for test in Self.cases {
                let base = "/api/\(test.collection)"
                var created: [String] = []
                for body in test.bodies {
                    let reply = try await api.send(
                        .POST, base, headers: owner + Self.jsonHeaders, body: AccountsFlowTests.json(body))
                    #expect(reply.status == 201, "\(test.collection): \(reply.text)")
                    #expect(reply.headers["etag"] == [#""1""#])
                    let id = try #require(try AccountsFlowTests.object(reply)["id"] as? String)
                    #expect(reply.headers["location"] == ["\(base)/\(id)"])
                    created.append(id)
                }

                let first = try await api.send(.GET, "\(base)?limit=2", headers: owner)
                #expect(first.status == 200, "\(first.text)")
                #expect(try Self.ids(first) == [created[2], created[1]], "newest first")
                let cursor = try #require(try AccountsFlowTests.object(first)["next_cursor"] as? String)
                let second = try await api.send(.GET, "\(base)?limit=2&cursor=\(cursor)", headers: owner)
                #expect(try Self.ids(second) == [created[0]])
                #expect(try AccountsFlowTests.object(second)["next_cursor"] is NSNull)
                let badLimit = try await api.send(.GET, "\(base)?limit=0", headers: owner)
                #expect(badLimit.status == 422)

                let id = created[0]
                let read = try await api.send(.GET, "\(base)/\(id)", headers: owner)
                #expect(read.status == 200, "\(read.text)")
                #expect(read.headers["etag"] == [#""1""#])

                let change = AccountsFlowTests.json(test.change.body)
                let unconditional = try await api.send(
                    .PATCH, "\(base)/\(id)", headers: owner + Self.jsonHeaders, body: change)
                #expect(unconditional.status == 200, "\(unconditional.text)")
                #expect(unconditional.headers["etag"] == [#""2""#])
                #expect(try AccountsFlowTests.object(unconditional)[test.change.field] as? String == test.change.value)
                let stale = try await api.send(
                    .PATCH, "\(base)/\(id)", headers: owner + Self.jsonHeaders + [("If-Match", #""1""#)], body: change)
                #expect(stale.status == 412, "\(stale.text)")
                #expect(stale.headers["content-type"] == ["application/problem+json"])
                let current = try await api.send(
                    .PATCH, "\(base)/\(id)", headers: owner + Self.jsonHeaders + [("If-Match", #""2""#)], body: change)
                #expect(current.status == 200, "\(current.text)")
                #expect(try AccountsFlowTests.object(current)["version"] as? Int == 3)

                let deleted = try await api.send(.DELETE, "\(base)/\(id)", headers: owner)
                #expect(deleted.status == 204)
                #expect(try await api.send(.GET, "\(base)/\(id)", headers: owner).status == 404)
                #expect(try Self.ids(try await api.send(.GET, base, headers: owner)) == [created[2], created[1]])
            }
        }
    }

    @Test func oneUsersObjectsAreNotFoundForAnother() async throws {
        try await AccountsFlowTests.withAccountsAPI { api in
            let owner = try await Self.signIn(api, "owner@example.com")
            let other = try await Self.signIn(api, "other@example.com")
            for test in Self.cases {
                let base = "/api/\(test.collection)"
                let reply = try await api.send(
                    .POST, base, headers: owner + Self.jsonHeaders, body: AccountsFlowTests.json(test.bodies[0]))
                let id = try #require(try AccountsFlowTests.object(reply)["id"] as? String)
                let change = AccountsFlowTests.json(test.change.body)

                #expect(try Self.ids(try await api.send(.GET, base, headers: other)).isEmpty)
                for (method, body) in [(HTTPMethod.GET, nil), (.PATCH, change), (.DELETE, nil)]
                    as [(HTTPMethod, [UInt8]?)]
                {
                    let attempt = try await api.send(
                        method, "\(base)/\(id)", headers: other + Self.jsonHeaders, body: body)
                    #expect(attempt.status == 404, "\(method) \(test.collection): \(attempt.text)")
                    #expect(try AccountsFlowTests.object(attempt)["code"] as? String == "not_found")
                }
                let untouched = try await api.send(.GET, "\(base)/\(id)", headers: owner)
                #expect(untouched.status == 200)
                #expect(untouched.headers["etag"] == [#""1""#])
                #expect(try await api.send(.GET, "\(base)/\(id)").status == 401)
            }
        }
    }
}
