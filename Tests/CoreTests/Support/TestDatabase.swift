import Core
import Foundation
import Logging
import NIOPosix
import Postgres
import TestSupport

/// A fresh, migrated database for one test on the throwaway server that `./build.sh test`
/// starts (its admin URL is `CHRONOVIEW_TEST_DATABASE_URL`), dropped when the test ends.
enum TestDatabase {
    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "CHRONOVIEW_TEST_DATABASE_URL is not set: run the tests with ./build.sh test, which starts PostgreSQL"
        }
    }

    static let logger = Logger(label: "test-database")

    /// The secret every test signs tokens with.
    static let jwtSecret = "chronoview-test-secret-0123456789abcdef"

    static func adminSettings() throws -> DatabaseSettings {
        guard let url = ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] else {
            throw MissingServer()
        }
        return try DatabaseSettings(url: url, poolSize: 2)
    }

    /// Settings for a test: bcrypt at its cheapest so that tests stay fast, and a database timeout
    /// long enough for a machine busy running every suite at once.
    static func settings(database: DatabaseSettings) throws -> ChronoViewSettings {
        ChronoViewSettings(
            database: database,
            tokens: try TokenSettings(environment: EnvironmentVariables(["JWT_SECRET": jwtSecret])),
            bcryptCost: 4,
            databaseTimeout: .seconds(30)
        )
    }

    /// Runs `body` with services over a new database; `configure` adjusts the settings first.
    static func withServices<Result: Sendable>(
        poolSize: Int = 4,
        configure: (inout ChronoViewSettings) -> Void = { _ in },
        _ body: @Sendable (ChronoViewServices) async throws -> Result
    ) async throws -> Result {
        try await withDatabase(poolSize: poolSize) { settings in
            try await migrate(settings.database)
            var settings = settings
            configure(&settings)
            // As the functions connect: as the application role, so that every test also checks
            // that the role's grants are enough.
            settings.database.username = ApplicationRole.name
            let database = try Database(
                settings: settings.database, timeout: settings.databaseTimeout,
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool,
                logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                let services = await ChronoViewServices(settings: settings, database: database)
                return try await body(services)
            }
        }
    }

    /// Applies every migration as the database's owner, as `Migrate` does.
    static func migrate(_ settings: DatabaseSettings) async throws {
        var settings = settings
        settings.poolSize = 1
        _ = try await withDatabaseClient(settings) { try await Migrator().migrate($0, logger: logger) }
    }

    /// Runs `statement` as the database's owner, for what the application role may not do
    /// (`ANALYZE`, say).
    static func executeAsOwner(_ statement: String, in services: ChronoViewServices) async throws {
        var settings = services.settings.database
        settings.username = try adminSettings().username
        settings.poolSize = 1
        _ = try await withDatabaseClient(settings) { owner in
            try await owner.withConnection { connection in
                try await connection.query(SQLQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Runs `body` with a running client of `settings`, stopped afterwards.
    static func withDatabaseClient<Result: Sendable>(
        _ settings: DatabaseSettings, timeout: Duration = .seconds(30),
        _ body: (Database) async throws -> Result
    ) async throws -> Result {
        let database = try Database(
            settings: settings, timeout: timeout, eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            waitingOn: DatabaseWaits.threadPool, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    /// Creates an empty database, hands its settings to `body`, and drops it afterwards.
    static func withDatabase<Result: Sendable>(
        poolSize: Int = 4,
        _ body: (ChronoViewSettings) async throws -> Result
    ) async throws -> Result {
        let admin = try adminSettings()
        let name = "chronoview_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await ConnectionBudget.testServer.withConnections(poolSize) {
            try await AdminDatabase.run("CREATE DATABASE \(name)")
            var settings = admin
            settings.database = name
            settings.poolSize = poolSize
            do {
                let result = try await body(try self.settings(database: settings))
                try await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                return result
            } catch {
                _ = try? await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
        }
    }
}
