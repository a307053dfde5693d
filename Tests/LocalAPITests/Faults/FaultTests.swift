import Foundation
import LocalHarness
import NIOHTTP1
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults a Lambda function lives through, injected into the real functions behind the local
/// API: the database restarted, environments frozen and killed, bursts past the ceiling.
///
/// One at a time: the database restart takes the fault server away from every test using it.
@Suite(
    .enabled(
        if: FaultDatabaseServer.current != nil, "needs CHRONOVIEW_FAULT_DATABASE_URL: run ./build.sh test"),
    .serialized
)
struct FaultTests {
    static let jsonHeaders = [("Content-Type", "application/json")]
    static let password = "correct horse"

    /// template.yaml's API over a new database on the fault server.
    static func withAPI(
        environment: [String: String] = [:],
        maximumEnvironments: Int = 4,
        editTemplate: (String) -> String = { $0 },
        _ body: (DatabaseBackedAPI) async throws -> Void
    ) async throws {
        let server = try #require(FaultDatabaseServer.current)
        try await DatabaseBackedAPI.run(
            server: server.url, environment: environment, maximumEnvironments: maximumEnvironments,
            editTemplate: editTemplate, body)
    }

    struct Session {
        var accessToken: String
        var refreshToken: String
        var bearer: [(String, String)] { [("Authorization", "Bearer \(accessToken)")] }
    }

    /// Signs `email` up and logs in.
    static func signUpAndLogIn(_ email: String, on api: RunningAPI) async throws -> Session {
        let credentials = AccountsFlowTests.json(["email": email, "password": password])
        let created = try await api.send(.POST, "/api/users", headers: jsonHeaders, body: credentials)
        try #require(created.status == 201, "\(created.text)")
        let login = try await api.send(.POST, "/api/login", headers: jsonHeaders, body: credentials)
        try #require(login.status == 200, "\(login.text)")
        let session = try AccountsFlowTests.object(login)
        return Session(
            accessToken: try #require(session["access_token"] as? String),
            refreshToken: try #require(session["refresh_token"] as? String))
    }

    /// The one integer `sql` selects, read on a connection of the test's own.
    static func integer(_ sql: String, on database: URLComponents) async throws -> Int {
        try await DatabaseBackedAPI.withConnection(to: database) { connection in
            let rows = try await connection.query(SQLQuery(unsafeSQL: sql), logger: RunningAPI.quiet)
            for value in try rows.decode(Int.self) { return value }
            throw NoRow(sql: sql)
        }
    }

    struct NoRow: Error {
        var sql: String
    }

    /// The processes of `function`'s live environments.
    static func processIDs(of function: String, in api: RunningAPI) throws -> [Int32] {
        try #require(api.lambda.statistics(for: function)).processIDs
    }

    /// Sends `signal` to a process of the test's own making.
    static func send(_ signal: Int32, to processID: Int32) {
        _ = kill(processID, signal)
    }
}
