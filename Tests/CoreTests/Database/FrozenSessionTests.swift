import Core
import Dispatch
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import Testing

/// Lambda freezes an environment between invocations; the server may end its session
/// meanwhile. On thaw, the invocation can lease the pooled connection before its event loop
/// has read the server's goodbye.
@Suite struct FrozenSessionTests {
    @Test func anOperationThatLeasesADeadSessionRunsAgainOnAFreshOne() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            // One loop, which the test can freeze as Lambda freezes the whole environment.
            let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let database = try Database(
                settings: settings.database, timeout: .seconds(10), eventLoopGroup: loops,
                logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let sessionID = try await Self.backendPID(on: database)

                let thaw = DispatchSemaphore(value: 0)
                loops.next().execute { thaw.wait() }
                let operation: Task<Int32, any Error>
                do {
                    // Thawed even when a step below throws: a loop left frozen would hang the pool's shutdown.
                    defer { thaw.signal() }
                    try await Self.terminate(sessionID, database: settings.database.database)
                    // Leases the connection whose session is gone; its query waits for the loop.
                    operation = Task { try await Self.backendPID(on: database) }
                    try await Task.sleep(for: .milliseconds(200))
                }

                let newSessionID = try await operation.value
                #expect(newSessionID != sessionID)
            }
            try await loops.shutdownGracefully()
        }
    }

    static func backendPID(on database: Database) async throws -> Int32 {
        try await database.withConnection { connection in
            let rows = try await connection.query("SELECT pg_backend_pid()", logger: TestDatabase.logger)
            for try await pid in rows.decode(Int32.self) { return pid }
            throw CancellationError()
        }
    }

    /// Ends the session `pid` from another connection, and waits until the server has let it go.
    static func terminate(_ pid: Int32, database name: String) async throws {
        let admin = try Database(
            settings: try TestDatabase.adminSettings(), timeout: .seconds(10),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            defer { group.cancelAll() }
            try await admin.withConnection { connection in
                try await connection.query("SELECT pg_terminate_backend(\(pid))", logger: TestDatabase.logger)
                for _ in 0..<200 {
                    let rows = try await connection.query(
                        "SELECT count(*)::int FROM pg_stat_activity WHERE pid = \(pid)", logger: TestDatabase.logger)
                    var alive = 0
                    for try await count in rows.decode(Int.self) { alive = count }
                    if alive == 0 { return }
                    try await Task.sleep(for: .milliseconds(10))
                }
                Issue.record("session \(pid) of \(name) outlived pg_terminate_backend")
            }
        }
    }
}
