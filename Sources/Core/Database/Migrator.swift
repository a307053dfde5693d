import Crypto
import Logging
import Postgres

/// Applies ChronoView's migrations: in order, each in its own transaction, recorded in
/// `schema_migrations`, and safe when several runners start at once (they queue on an advisory lock).
public struct Migrator: Sendable {
    /// An arbitrary constant naming ChronoView's migration lock among the database's advisory locks.
    static let advisoryLockKey: Int64 = 0x4368_726F_6E6F_5631

    public let migrations: [Migration]
    /// The longest any one statement may run, the wait for another runner's lock included: a
    /// database that hangs fails the deployment with an error (Migrate's timeout is 10 minutes)
    /// instead of leaving it to time out.
    public let statementTimeout: Duration

    public init(migrations: [Migration] = Migrations.all, statementTimeout: Duration = .seconds(9 * 60)) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.statementTimeout = statementTimeout
    }

    /// Applies what is missing; returns the versions applied by this call.
    @discardableResult
    public func migrate(_ database: Database, logger: Logger) async throws -> [Int] {
        // A long lock wait is expected when another runner is migrating, so this has a budget
        // of its own: the statement timeout, and a minute for the rest.
        let milliseconds = max(1, Int64((statementTimeout / .milliseconds(1)).rounded(.up)))
        return try await database.withConnection(timeout: statementTimeout + .seconds(60)) { connection in
            // For this session only, and reset before the connection goes back to the pool; SET
            // takes no parameters.
            try await connection.query(
                SQLQuery(unsafeSQL: "SET statement_timeout = \(milliseconds)"), logger: logger)
            let outcome: Result<[Int], any Error>
            do {
                outcome = .success(try await applyHoldingTheLock(on: connection, logger: logger))
            } catch {
                outcome = .failure(error)
            }
            _ = try? await connection.query("RESET statement_timeout", logger: logger)
            return try outcome.get()
        }
    }

    /// Applies what is missing while holding the migration lock, waiting for it if another
    /// runner has it.
    private func applyHoldingTheLock(on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        // The rows are read: a statement's error (the lock wait cancelled at the timeout) arrives
        // with them, and a query whose rows are dropped unread would let the migration go on
        // without the lock.
        _ = try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
        do {
            let applied = try await apply(on: connection, logger: logger)
            _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
            return applied
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
            throw error
        }
    }

    private func apply(on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        var recorded: [Int: (name: String, checksum: String)] = [:]
        for (version, name, checksum) in try await connection.query(
            "SELECT version, name, checksum FROM schema_migrations", logger: logger
        ).decode((Int, String, String).self) {
            recorded[version] = (name, checksum)
        }
        let known = Set(migrations.map(\.version))
        if let unknown = recorded.keys.filter({ !known.contains($0) }).max() {
            throw MigrationError.unknownVersion(unknown)
        }
        var applied: [Int] = []
        for migration in migrations {
            let checksum = Self.checksum(of: migration)
            if let existing = recorded[migration.version] {
                guard existing.checksum == checksum else {
                    throw MigrationError.checksumMismatch(version: migration.version, name: migration.name)
                }
                continue
            }
            try await connection.withTransaction(logger: logger) { connection in
                for statement in migration.statements {
                    try await connection.query(SQLQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    """
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(checksum))
                    """, logger: logger)
            }
            logger.info(
                "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            applied.append(migration.version)
        }
        return applied
    }

    static func checksum(of migration: Migration) -> String {
        SHA256.hash(data: Array(migration.statements.joined(separator: ";\n").utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
