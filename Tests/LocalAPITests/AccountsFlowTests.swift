import AsyncHTTPClient
import Foundation
import LocalHarness
import Logging
import NIOCore
import NIOHTTP1
import Postgres
import Testing

/// The accounts flow of API.md over HTTP, through the emulator, against the real functions
/// (built beside the tests) and a fresh database on the server `./build.sh test` starts.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] != nil,
        "needs CHRONOVIEW_TEST_DATABASE_URL: run ./build.sh test"),
    .serialized
)
struct AccountsFlowTests {
    static let adminURL = ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"]

    /// Runs `body` against template.yaml's routes and functions, over a new, migrated database.
    static func withAccountsAPI(_ body: (RunningAPI) async throws -> Void) async throws {
        try await DatabaseBackedAPI.run(server: try #require(adminURL)) { try await body($0.api) }
    }

    static func json(_ object: [String: Any]) -> [UInt8] {
        Array(try! JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ reply: RunningAPI.Reply) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any], "\(reply.text)")
    }

    @Test func signUpLogInUseRefreshAndLeave() async throws {
        try await Self.withAccountsAPI { api in
            let jsonHeaders = [("Content-Type", "application/json")]
            let health = try await api.send(.GET, "/api/health")
            #expect(health.status == 200, "\(health.text)")

            let created = try await api.send(
                .POST, "/api/users", headers: jsonHeaders,
                body: Self.json(["email": " Ada@Example.com ", "password": "correct horse", "display_name": "Ada"]))
            #expect(created.status == 201, "\(created.text)")
            #expect(created.headers["location"] == ["/api/me"])
            #expect(created.headers["x-request-id"] == created.headers["apigw-requestid"])
            #expect(try Self.object(created)["email"] as? String == "ada@example.com")

            let wrong = try await api.send(
                .POST, "/api/login", headers: jsonHeaders,
                body: Self.json(["email": "ada@example.com", "password": "wrong password"]))
            #expect(wrong.status == 401, "\(wrong.text)")

            let login = try await api.send(
                .POST, "/api/login", headers: jsonHeaders,
                body: Self.json(["email": "ada@example.com", "password": "correct horse"]))
            #expect(login.status == 200, "\(login.text)")
            let session = try Self.object(login)
            let access = try #require(session["access_token"] as? String)
            let refresh = try #require(session["refresh_token"] as? String)
            #expect(session["token_type"] as? String == "Bearer")
            let bearer = [("Authorization", "Bearer \(access)")]

            let me = try await api.send(.GET, "/api/me", headers: bearer)
            #expect(me.status == 200, "\(me.text)")
            #expect(try Self.object(me)["display_name"] as? String == "Ada")
            let anonymous = try await api.send(.GET, "/api/me")
            #expect(anonymous.status == 401)

            let renamed = try await api.send(
                .PATCH, "/api/me", headers: bearer + jsonHeaders, body: Self.json(["display_name": "Ada L."]))
            #expect(renamed.status == 200, "\(renamed.text)")
            #expect(try Self.object(renamed)["display_name"] as? String == "Ada L.")

            // A collection route with a path parameter, through the real Charts function.
            let chart = try await api.send(
                .POST, "/api/charts", headers: bearer + jsonHeaders,
                body: Self.json(["name": "Daily BTC", "symbol": "binance:btcusdt", "interval": "1d"]))
            #expect(chart.status == 201, "\(chart.text)")
            let location = try #require(chart.headers["location"].first)
            let fetched = try await api.send(.GET, location, headers: bearer)
            #expect(fetched.status == 200, "\(fetched.text)")
            #expect(try Self.object(fetched)["symbol"] as? String == "BINANCE:BTCUSDT")
            #expect(fetched.headers["etag"] == ["\"1\""])
            let removed = try await api.send(.DELETE, location, headers: bearer)
            #expect(removed.status == 204)
            #expect(try await api.send(.GET, location, headers: bearer).status == 404)

            let refreshed = try await api.send(
                .POST, "/api/token/refresh", headers: jsonHeaders, body: Self.json(["refresh_token": refresh]))
            #expect(refreshed.status == 200, "\(refreshed.text)")
            let newRefresh = try #require(try Self.object(refreshed)["refresh_token"] as? String)
            let reused = try await api.send(
                .POST, "/api/token/refresh", headers: jsonHeaders, body: Self.json(["refresh_token": refresh]))
            #expect(reused.status == 401)

            let logout = try await api.send(
                .POST, "/api/logout", headers: jsonHeaders, body: Self.json(["refresh_token": newRefresh]))
            #expect(logout.status == 204)

            let unknown = try await api.send(.GET, "/api/no-such-route")
            #expect(unknown.status == 404)
            #expect(unknown.headers["content-type"].first?.hasPrefix("application/problem+json") == true)

            let deleted = try await api.send(
                .DELETE, "/api/me", headers: bearer + jsonHeaders, body: Self.json(["password": "correct horse"]))
            #expect(deleted.status == 204, "\(deleted.text)")
            let gone = try await api.send(.GET, "/api/me", headers: bearer)
            #expect(gone.status == 401)
        }
    }
}
