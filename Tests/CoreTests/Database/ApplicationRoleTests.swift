import Postgres
import Testing

@testable import Core

@Suite struct ApplicationRoleTests {
    @Test func everyTableButTheMigrationHistoryIsGrantedToTheApplicationRole() async throws {
        try await TestDatabase.withServices { services in
            let (tables, ungranted) = try await services.database.withConnection { connection in
                var tables: [String] = []
                var ungranted: [String] = []
                for (name, granted) in try await connection.query(
                    """
                    SELECT c.relname,
                        has_table_privilege(\(ApplicationRole.name), c.oid, 'SELECT')
                            AND has_table_privilege(\(ApplicationRole.name), c.oid, 'INSERT')
                            AND has_table_privilege(\(ApplicationRole.name), c.oid, 'UPDATE')
                            AND has_table_privilege(\(ApplicationRole.name), c.oid, 'DELETE')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
                    """, logger: TestDatabase.logger
                ).decode((String, Bool).self) {
                    tables.append(name)
                    if !granted { ungranted.append(name) }
                }
                return (tables, ungranted)
            }
            #expect(tables.contains("users") && tables.contains("candles"))
            #expect(ungranted == [])
        }
    }

    @Test(arguments: [
        "CREATE TABLE intruder (id int)",
        "DROP TABLE users",
        "TRUNCATE candles",
        "ALTER TABLE users ADD COLUMN is_admin boolean",
        "SELECT count(*) FROM schema_migrations",
        "CREATE ROLE intruder LOGIN",
    ])
    func theApplicationRoleCannotChangeTheSchema(statement: String) async throws {
        try await TestDatabase.withServices { services in
            let state = try await services.database.withConnection { connection in
                do {
                    try await connection.query(SQLQuery(unsafeSQL: statement), logger: TestDatabase.logger)
                    return "succeeded"
                } catch let error as PostgresError {
                    return error.sqlState ?? "\(error.kind)"
                }
            }
            #expect(state == "42501")
        }
    }

    /// Migrate gives the role the password of its secret, quotes and all; roles belong to the
    /// whole (trust-authenticated) test server, so the test reads back the stored verifier.
    @Test func migrateGivesTheRoleItsPasswordWhateverItsCharacters() async throws {
        try await TestDatabase.withDatabase { settings in
            try await TestDatabase.migrate(settings.database)
            _ = try await TestDatabase.withDatabaseClient(settings.database) { owner in
                try await ApplicationRole.setPassword("it's a p@ss'; DROP TABLE users; --", in: owner)
                let (verifier, users) = try await owner.withConnection { connection in
                    let verifier = try await connection.query(
                        "SELECT rolpassword FROM pg_authid WHERE rolname = \(ApplicationRole.name)",
                        logger: TestDatabase.logger
                    )[0].decode(String?.self)
                    let users = try await connection.query(
                        "SELECT to_regclass('users') IS NOT NULL", logger: TestDatabase.logger
                    )[0].decode(Bool.self)
                    return (verifier, users)
                }
                #expect(verifier?.hasPrefix("SCRAM-SHA-256$") == true)
                #expect(users)
            }
        }
    }
}
