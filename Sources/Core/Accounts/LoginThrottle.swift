import Logging
import PostgresNIO

/// Counts failed logins per email and refuses further attempts past the limit.
///
/// Each attempt is recorded as a failure *before* the password is checked, while a per-email
/// advisory lock is held, so concurrent guesses cannot all slip through between the count and the
/// record; a successful login then clears the email's record.
struct LoginThrottle: Sendable {
    var maximumFailures: Int
    var window: Duration

    enum Decision: Sendable, Equatable {
        case proceed
        case refuse(retryAfterSeconds: Int)
    }

    /// Reserves an attempt for `email` (normalised), or refuses it. Run inside a transaction.
    func reserveAttempt(for email: String, on connection: PostgresConnection, logger: Logger) async throws
        -> Decision
    {
        let windowSeconds = Int(window.components.seconds)
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(email), 0))", logger: logger)
        try await connection.query(
            """
            DELETE FROM failed_logins
            WHERE email = \(email) AND attempted_at <= clock_timestamp() - make_interval(secs => \(windowSeconds))
            """, logger: logger)
        let rows = try await connection.query(
            """
            SELECT count(*)::int,
                   COALESCE(ceil(extract(epoch FROM min(attempted_at) + make_interval(secs => \(windowSeconds))
                                                    - clock_timestamp())), 0)::int
            FROM failed_logins WHERE email = \(email)
            """, logger: logger)
        for try await (count, secondsLeft) in rows.decode((Int, Int).self) where count >= maximumFailures {
            return .refuse(retryAfterSeconds: max(1, secondsLeft))
        }
        try await connection.query("INSERT INTO failed_logins (email) VALUES (\(email))", logger: logger)
        return .proceed
    }

    /// Forgets the email's failures after a successful login.
    func clear(for email: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM failed_logins WHERE email = \(email)", logger: logger)
    }
}
