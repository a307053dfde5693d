import Core
import Logging
import NIOPosix
import PostgresNIO
import Testing

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
                    for try await version in try await connection.query(
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
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: TestDatabase.logger)
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
            await #expect(throws: PSQLError.self) {
                _ = try await Migrator().migrate(services.database, logger: TestDatabase.logger)
            }
        }
    }
}
