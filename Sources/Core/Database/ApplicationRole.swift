import Postgres

/// The PostgreSQL role the API functions connect as: it reads and writes ChronoView's rows and
/// owns nothing, so a compromised function can neither change the schema nor read the migration
/// history. Only `Migrate`, connecting as the database's owner, changes the schema.
///
/// Every migration that creates a table the functions use grants it to this role; a test checks
/// that no table is forgotten.
public enum ApplicationRole {
    /// The role's name, which the template's proxy entry and `PGUSER` name too.
    public static let name = "chronoview_app"

    /// Gives the role `password`, the one RDS Proxy signs it in with (a utility statement takes
    /// no parameters, so the password is quoted as a literal).
    public static func setPassword(_ password: String, in database: Database) async throws {
        let literal =
            "'" + password.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        _ = try await database.withConnection { connection in
            try await connection.query(
                SQLQuery(unsafeSQL: "ALTER ROLE \(name) PASSWORD \(literal)"), logger: database.logger)
        }
    }
}
