import Postgres

/// Recognises a statement refused by a unique constraint (SQLSTATE 23505), the race-free way to
/// learn that a name is taken: the index decides, even between concurrent writers.
enum UniqueViolation {
    /// The violated constraint's name, or `nil` when `error` is anything else.
    static func constraint(in error: any Error) -> String? {
        guard let error = error as? PostgresError, error.kind == .server, error.sqlState == "23505" else { return nil }
        return error.constraintName
    }
}
