import Crypto
import Logging
import NIOCore
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Counts failed password checks per subject (an email at login, a user when they confirm their
/// current password) and refuses further attempts past the limit within the window.
///
/// Each attempt is recorded as a failure *before* the password is checked, while the subject's
/// advisory lock is held, so concurrent guesses cannot all slip through between the count and
/// the record; a check that succeeds then clears the subject's record. Subjects are kept only
/// as SHA-256 digests, so the table never holds the email of someone who is not a user, and
/// every attempt also deletes a bounded number of expired rows of any subject, so that a
/// client trying endless new emails cannot grow the table past one window's worth.
struct AttemptThrottle: Sendable {
    var maximumFailures: Int
    var window: Duration

    /// Expired rows one attempt deletes at most: more than one attempt adds, so a backlog shrinks.
    static let purgeBatch = 100

    enum Decision: Sendable, Equatable {
        case proceed
        case refuse(retryAfterSeconds: Int)
    }

    /// What failures are counted against.
    enum Subject: Sendable, Hashable {
        /// Logins for one email, normalised (trimmed, lower-cased); unknown emails count too.
        case login(email: String)
        /// Wrong current passwords of one user (password change, account deletion).
        case currentPassword(userID: UUID)

        /// The digest the table keys by (bound as `bytea`); the prefix keeps the two kinds apart.
        var digest: ByteBuffer {
            let text =
                switch self {
                case .login(let email): "login\u{1F}\(email)"
                case .currentPassword(let userID): "current-password\u{1F}\(userID.uuidString.lowercased())"
                }
            return ByteBuffer(bytes: SHA256.hash(data: Array(text.utf8)))
        }

        /// The advisory lock that serialises the subject's attempts: the digest's first 8 bytes.
        var lockKey: Int64 {
            digest.readableBytesView.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
        }
    }

    /// Reserves an attempt for `subject`, or refuses it. Run inside a transaction.
    func reserveAttempt(for subject: Subject, on connection: PostgresConnection, logger: Logger) async throws
        -> Decision
    {
        let windowSeconds = Int(window.components.seconds)
        let digest = subject.digest
        // Read, so that a wait the server ends is an error here rather than in the next statement.
        _ = try await connection.query("SELECT pg_advisory_xact_lock(\(subject.lockKey))", logger: logger)
        try await connection.query(
            """
            DELETE FROM failed_attempts WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM failed_attempts
                WHERE attempted_at <= clock_timestamp() - make_interval(secs => \(windowSeconds))
                LIMIT \(Self.purgeBatch)))
            """, logger: logger)
        let rows = try await connection.query(
            """
            SELECT count(*)::int,
                   COALESCE(ceil(extract(epoch FROM min(attempted_at) + make_interval(secs => \(windowSeconds))
                                                    - clock_timestamp())), 0)::int
            FROM failed_attempts
            WHERE subject = \(digest)
                AND attempted_at > clock_timestamp() - make_interval(secs => \(windowSeconds))
            """, logger: logger)
        for (count, secondsLeft) in try rows.decode((Int, Int).self) where count >= maximumFailures {
            return .refuse(retryAfterSeconds: max(1, secondsLeft))
        }
        try await connection.query("INSERT INTO failed_attempts (subject) VALUES (\(digest))", logger: logger)
        return .proceed
    }

    /// Forgets the subject's failures after a password check that succeeded.
    func clear(for subject: Subject, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM failed_attempts WHERE subject = \(subject.digest)", logger: logger)
    }
}
