import Foundation
import Logging
import NIOPosix
import Postgres
import Synchronization
import TestSupport
import Testing

@testable import Core

/// An RDS IAM token opens sessions for 15 minutes; a session it opened stays open after that.
@Suite struct PasswordLifetimeTests {
    /// The backend serving this session.
    static func backend(_ database: Database) async throws -> Int32 {
        try await database.withConnection { connection in
            try await connection.query("SELECT pg_backend_pid()", logger: TestDatabase.logger)[0]
                .decode(Int32.self)
        }
    }

    /// A wall clock the test moves.
    final class TestClock: Sendable {
        private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    /// A running database of one session whose password lasts 60 s of `clock`, and how many
    /// passwords it has made.
    static func withExpiringPassword(
        _ body: (Database, TestClock, _ passwordsMade: () -> Int) async throws -> Void
    ) async throws {
        try await TestDatabase.withDatabase(poolSize: 1) { settings in
            let made = Mutex(0)
            let clock = TestClock()
            let password = DatabasePassword(lifetime: .seconds(60)) {
                made.withLock { $0 += 1 }
                return settings.database.password
            }
            let database = try Database(
                settings: settings.database, password: password, timeout: .seconds(30), now: { clock.now },
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool,
                logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                try await body(database, clock) { made.withLock { $0 } }
            }
        }
    }

    @Test func anExpiredPasswordIsMadeAnewForTheNextSessionOnly() async throws {
        try await Self.withExpiringPassword { database, clock, made in
            let first = try await Self.backend(database)
            #expect(made() == 1)

            clock.advance(by: 61)
            #expect(try await Self.backend(database) == first, "an open session outlives its password")
            #expect(made() == 1, "no password is made while no session opens")

            _ = try await AdminDatabase.run("SELECT pg_terminate_backend(\(first))")
            let second = try await Self.backend(database)
            #expect(second != first)
            #expect(made() == 2, "the expired password was made anew for the new session")
        }
    }

    @Test func aFreshPasswordIsReusedForTheNextSession() async throws {
        try await Self.withExpiringPassword { database, clock, made in
            let first = try await Self.backend(database)
            clock.advance(by: 59)
            _ = try await AdminDatabase.run("SELECT pg_terminate_backend(\(first))")
            #expect(try await Self.backend(database) != first)
            #expect(made() == 1)
        }
    }
}
