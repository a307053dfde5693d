import Foundation
import Logging
import NIOPosix
import Postgres
import TestSupport
import Testing

@testable import Core

@Suite struct MigrationTests {
    @Test func migratingTwiceAppliesNothingTheSecondTime() async throws {
        try await TestDatabase.withDatabase { settings in
            try await TestDatabase.withDatabaseClient(settings.database) { database in
                let first = try await Migrator().migrate(database, logger: TestDatabase.logger)
                #expect(first == Migrations.all.map(\.version).sorted())
                let applied = try await Migrator().migrate(database, logger: TestDatabase.logger)
                #expect(applied.isEmpty)
                let versions = try await database.withConnection { connection in
                    var versions: [Int] = []
                    for version in try await connection.query(
                        "SELECT version FROM schema_migrations ORDER BY version", logger: TestDatabase.logger
                    ).decode(Int.self) {
                        versions.append(version)
                    }
                    return versions
                }
                #expect(versions == Migrations.all.map(\.version).sorted())
            }
        }
    }

    @Test func concurrentRunnersApplyEachMigrationOnce() async throws {
        try await TestDatabase.withDatabase { settings in
            let database = try Database(
                settings: settings.database, timeout: .seconds(30),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool,
                logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let results = try await withThrowingTaskGroup(of: [Int].self) { runners in
                    for _ in 0..<3 {
                        runners.addTask { try await Migrator().migrate(database, logger: TestDatabase.logger) }
                    }
                    return try await runners.reduce(into: []) { $0.append($1) }
                }
                #expect(results.flatMap { $0 }.sorted() == Migrations.all.map(\.version).sorted())
            }
        }
    }

    @Test func anEditedMigrationIsRefused() async throws {
        try await TestDatabase.withDatabase { settings in
            try await TestDatabase.withDatabaseClient(settings.database) { database in
                try await Migrator().migrate(database, logger: TestDatabase.logger)
                var edited = Migrations.all
                edited[0].statements.append("SELECT 1")
                await #expect(throws: MigrationError.self) {
                    try await Migrator(migrations: edited).migrate(database, logger: TestDatabase.logger)
                }
            }
        }
    }

    @Test func theApplicationRoleCannotMigrate() async throws {
        _ = try await TestDatabase.withServices { services in
            await #expect(throws: PostgresError.self) {
                _ = try await Migrator().migrate(services.database, logger: TestDatabase.logger)
            }
        }
    }

    /// A runner that cannot get the migration lock (another holds it, or the database hangs)
    /// gives up with an error at its statement timeout instead of waiting out its invocation.
    @Test func aRunnerWaitingTooLongForTheLockGivesUpWithAnError() async throws {
        try await TestDatabase.withDatabase { settings in
            var owner = settings.database
            owner.poolSize = 2
            // Another runner, on a session of its own, holds the lock.
            let admin = try #require(ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"])
            let url = try #require(URLComponents(string: admin))
            var other = url
            other.path = "/" + owner.database
            try await AdminDatabase.withConnection(to: other) { holder in
                try await holder.query(
                    "SELECT pg_advisory_lock(\(Migrator.advisoryLockKey))", logger: TestDatabase.logger)
                try await TestDatabase.withDatabaseClient(owner) { database in
                    let error = await #expect(throws: PostgresError.self) {
                        _ = try await Migrator(statementTimeout: .milliseconds(300)).migrate(
                            database, logger: TestDatabase.logger)
                    }
                    #expect(error?.sqlState == "57014")
                    // The timeout was the migration's own: both of the pool's connections, the
                    // migration's among them, are back to the default.
                    let timeouts = try await database.withConnection { first in
                        try await database.withConnection { second in
                            var values: [String] = []
                            for connection in [first, second] {
                                values.append(
                                    try await connection.query("SHOW statement_timeout", logger: TestDatabase.logger)[0]
                                        .decode(String.self))
                            }
                            return values
                        }
                    }
                    #expect(timeouts == ["0", "0"])
                }
            }
        }
    }
}
