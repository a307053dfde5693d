import Foundation
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

    /// A wall clock the test moves.
    final class TestClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    @Test func anExpiredPasswordGivesWayToAFreshClient() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let made = Mutex(0)
            let clock = TestClock()
            let password = DatabasePassword(lifetime: .seconds(60)) {
                made.withLock { $0 += 1 }
                return settings.database.password
            }
            let database = try Database(
                settings: settings.database, password: password, timeout: .seconds(30), now: { clock.now },
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let first = try await Self.backend(database)
                clock.advance(by: 59)
                #expect(try await Self.backend(database) == first, "a client whose password is fresh is kept")
                #expect(made.withLock { $0 } == 1)

                clock.advance(by: 1)
                let second = try await Self.backend(database)
                #expect(second != first)
                #expect(made.withLock { $0 } == 2)
                #expect(try await Self.backend(database) == second)
            }
        }
    }

    @Test func aRetiredClientClosesItsSessionsAfterTheGrace() async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let clock = TestClock()
            let password = DatabasePassword(lifetime: .seconds(60)) { settings.database.password }
            let database = try Database(
                settings: settings.database, password: password, timeout: .seconds(30), grace: .seconds(1),
                now: { clock.now }, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let first = try await Self.backend(database)
                clock.advance(by: 61)
                #expect(try await Self.backend(database) != first)
                var remaining = 1
                for _ in 0..<300 where remaining > 0 {
                    try await Task.sleep(for: .milliseconds(100))
                    remaining = try await database.withConnection { connection in
                        try await connection.query(
                            "SELECT count(*) FROM pg_stat_activity WHERE pid = \(first)", logger: TestDatabase.logger
                        ).collect()[0].decode(Int.self)
                    }
                }
                #expect(remaining == 0)
            }
        }
    }
}
