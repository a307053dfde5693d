import Core
import Foundation
import NIOPosix
import Postgres
import TestSupport
import Testing

/// Lambda freezes an environment between invocations; the server may end its session
/// meanwhile. On thaw, the invocation leases the pooled session before anything has read the
/// server's goodbye.
@Suite struct FrozenSessionTests {
    @Test func anOperationThatLeasesADeadSessionRunsAgainOnAFreshOne() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let database = try Database(
                settings: settings.database, timeout: .seconds(10),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                waitingOn: DatabaseWaits.threadPool, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let sessionID = try await Self.backendPID(on: database)
                try await Self.terminate(sessionID, database: settings.database.database)
                let newSessionID = try await Self.backendPID(on: database)
                #expect(newSessionID != sessionID)
            }
        }
    }

    static func backendPID(on database: Database) async throws -> Int32 {
        try await database.withConnection { connection in
            let rows = try await connection.query("SELECT pg_backend_pid()", logger: TestDatabase.logger)
            for pid in try rows.decode(Int32.self) { return pid }
            throw CancellationError()
        }
    }

    /// Ends the session `pid` from another connection, and waits until the server has let it go.
    static func terminate(_ pid: Int32, database name: String) async throws {
        let admin = try Database(
            settings: try TestDatabase.adminSettings(), timeout: .seconds(10),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool,
            logger: TestDatabase.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            defer { group.cancelAll() }
            try await admin.withConnection { connection in
                try await connection.query("SELECT pg_terminate_backend(\(pid))", logger: TestDatabase.logger)
                for _ in 0..<200 {
                    let rows = try await connection.query(
                        "SELECT count(*)::int FROM pg_stat_activity WHERE pid = \(pid)", logger: TestDatabase.logger)
                    var alive = 0
                    for count in try rows.decode(Int.self) { alive = count }
                    if alive == 0 { return }
                    try await Task.sleep(for: .milliseconds(10))
                }
                Issue.record("session \(pid) of \(name) outlived pg_terminate_backend")
            }
        }
    }
}
