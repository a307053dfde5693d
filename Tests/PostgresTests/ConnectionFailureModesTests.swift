import Foundation
import NIOCore
import Postgres
import Testing

/// What goes wrong is told apart by kind, and the session survives what it can.
@Suite struct ConnectionFailureModesTests {
    /// libpq takes C strings: a NUL would cut the value short, so it is refused before sending.
    @Test func textWithANulIsRefusedAndTheSessionServesOn() async throws {
        try await TestServer.withConnection { connection in
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT \("before\u{0}after")", logger: TestServer.logger)
            }
            #expect(error?.kind == .invalidValue)
            #expect(error?.sqlState == "22021")
            let one = try await connection.query("SELECT 1", logger: TestServer.logger)[0].decode(Int.self)
            #expect(one == 1)
        }
    }

    @Test func aRefusedStatementHasItsSQLStateAndConstraint() async throws {
        try await TestServer.withConnection { connection in
            try await connection.query(
                "CREATE TEMPORARY TABLE names (name text CONSTRAINT names_unique UNIQUE)", logger: TestServer.logger)
            try await connection.query("INSERT INTO names VALUES (\("a"))", logger: TestServer.logger)
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("INSERT INTO names VALUES (\("a"))", logger: TestServer.logger)
            }
            #expect(error?.kind == .server)
            #expect(error?.sqlState == "23505")
            #expect(error?.constraintName == "names_unique")
            #expect(connection.isReusable)
        }
    }

    /// The wait is the poll's own timeout: the statement ends at the deadline, on either thread.
    @Test(arguments: [true, false])
    func aStatementPastItsDeadlineEndsThereAndClosesTheSession(onThreadPool: Bool) async throws {
        try await TestServer.withConnection(waitingOn: onThreadPool) { connection in
            connection.deadline = .now() + .milliseconds(300)
            let started = ContinuousClock.now
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT pg_sleep(5)", logger: TestServer.logger)
            }
            #expect(error?.kind == .timedOut)
            #expect(ContinuousClock.now - started < .seconds(4))
            #expect(!connection.isReusable)
            let next = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT 1", logger: TestServer.logger)
            }
            #expect(next?.kind == .connectionLost)
        }
    }

    /// The server answers COMMIT with a rollback, not an error, once a statement failed.
    @Test func aTransactionWhoseStatementFailedIsNotReportedCommitted() async throws {
        try await TestServer.withConnection { connection in
            try await connection.query("CREATE TEMPORARY TABLE kept (n int PRIMARY KEY)", logger: TestServer.logger)
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction(logger: TestServer.logger) { connection in
                    try await connection.query("INSERT INTO kept VALUES (\(Int32(1)))", logger: TestServer.logger)
                    _ = try? await connection.query("INSERT INTO kept VALUES (\(Int32(1)))", logger: TestServer.logger)
                }
            }
            #expect(error?.kind == .server)
            let count = try await connection.query("SELECT count(*)::int FROM kept", logger: TestServer.logger)[0]
                .decode(Int32.self)
            #expect(count == 0)
            #expect(connection.isReusable)
        }
    }

    @Test func aSessionTheServerEndsIsLost() async throws {
        try await TestServer.withConnection { connection in
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("SELECT pg_terminate_backend(pg_backend_pid())", logger: TestServer.logger)
            }
            #expect(error?.kind == .connectionLost)
            #expect(!connection.isReusable)
        }
    }

    @Test func aRefusedConnectionFailsWithoutThePassword() async throws {
        let options = PostgresConnectionOptions(
            endpoint: .tcp(host: "127.0.0.1", port: 9), username: "nobody", password: "a-secret-that-must-not-leak",
            database: "none", tlsMode: .disable)
        let error = await #expect(throws: PostgresError.self) {
            _ = try await PostgresConnection.connect(options, until: .now() + .seconds(5))
        }
        #expect(error?.kind == .connectionFailed)
        let description = error.map(String.init(describing:)) ?? ""
        #expect(!description.contains("a-secret-that-must-not-leak"))
    }

    @Test func theApplicationNameNamesTheSession() async throws {
        try await TestServer.withConnection { connection in
            let name = try await connection.query("SHOW application_name", logger: TestServer.logger)[0]
                .decode(String.self)
            #expect(name == "postgres-tests")
        }
    }
}
