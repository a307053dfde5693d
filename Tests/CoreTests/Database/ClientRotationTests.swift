import Logging
import NIOPosix
import PostgresNIO
import Synchronization
import Testing

@testable import Core

@Suite struct ClientRotationTests {
    /// The backend serving this session.
    static func backend(_ database: Database) async throws -> Int32 {
        try await database.withConnection { connection in
            try await connection.query("SELECT pg_backend_pid()", logger: TestDatabase.logger).collect()[0]
                .decode(Int32.self)
        }
    }

    @Test func anExpiredPasswordGivesWayToAFreshClientAndTheOldOneCloses() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let made = Mutex(0)
            let password = DatabasePassword(lifetime: .seconds(3)) {
                made.withLock { $0 += 1 }
                return settings.database.password
            }
            let database = try Database(
                settings: settings.database, password: password, timeout: .seconds(30),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let first = try await Self.backend(database)
                #expect(try await Self.backend(database) == first, "a client whose password is fresh is kept")
                #expect(made.withLock { $0 } == 1)

                try await Task.sleep(for: .seconds(3.1))
                let second = try await Self.backend(database)
                #expect(second != first)
                #expect(made.withLock { $0 } == 2)

                // The grace of a retired client is the operation timeout; this one's is long, so the
                // old session is still there: the operations already on it may finish.
                let sessions = try await database.withConnection { connection in
                    try await connection.query(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = \(first)", logger: TestDatabase.logger
                    ).collect()[0].decode(Int.self)
                }
                #expect(sessions == 1)
            }
        }
    }

    @Test func aRetiredClientClosesItsSessionsAfterTheGrace() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let password = DatabasePassword(lifetime: .seconds(1)) { settings.database.password }
            let database = try Database(
                settings: settings.database, password: password, timeout: .seconds(2),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let first = try await Self.backend(database)
                try await Task.sleep(for: .seconds(1.1))
                #expect(try await Self.backend(database) != first)
                var remaining = 1
                for _ in 0..<150 where remaining > 0 {
                    try await Task.sleep(for: .milliseconds(100))
                    remaining = try await TestDatabase.withDatabaseClient(settings.database) { observer in
                        try await observer.withConnection { connection in
                            try await connection.query(
                                "SELECT count(*) FROM pg_stat_activity WHERE pid = \(first)",
                                logger: TestDatabase.logger
                            ).collect()[0].decode(Int.self)
                        }
                    }
                }
                #expect(remaining == 0)
            }
        }
    }
}
