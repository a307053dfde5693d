import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// SQL for refresh tokens. Each login starts a family; each refresh spends one token of the
/// family and adds its successor. Presenting a spent token again revokes the whole family.
enum RefreshTokenStore {
    /// What presenting a refresh token led to.
    enum Rotation: Sendable {
        /// The token was live: it is now spent, and this is its successor.
        case rotated(userID: UUID, successor: RefreshToken)
        /// The token had been spent before: its family is now revoked.
        case reused
        /// Unknown, expired or revoked.
        case rejected
    }

    /// Tokens one login deletes at most among those a day past their expiry: spent tokens are kept
    /// until then, so that their reuse is still recognised while they could have been valid.
    static let purgeBatch = 100

    /// Deletes up to `limit` refresh tokens that expired over a day ago.
    static func purgeExpired(limit: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            DELETE FROM refresh_tokens WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM refresh_tokens WHERE expires_at < now() - interval '1 day' LIMIT \(limit)))
            """, logger: logger)
    }

    static func create(
        userID: UUID, family: UUID, lifetime: Duration, on connection: PostgresConnection, logger: Logger
    ) async throws -> RefreshToken {
        let token = RefreshToken.generate()
        let seconds = Int(lifetime.components.seconds)
        try await connection.query(
            """
            INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at)
            VALUES (\(token.hash), \(family), \(userID), now() + make_interval(secs => \(seconds)))
            """, logger: logger)
        return token
    }

    /// Spends `token` and issues its successor in the same family. Run inside a transaction: the
    /// conditional UPDATE's row lock lets only one of two concurrent refreshes win.
    static func rotate(_ token: RefreshToken, lifetime: Duration, on connection: PostgresConnection, logger: Logger)
        async throws -> Rotation
    {
        let spent = try await connection.query(
            """
            UPDATE refresh_tokens SET spent_at = now()
            WHERE token_hash = \(token.hash) AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > now()
            RETURNING family_id, user_id
            """, logger: logger)
        for (family, userID) in try spent.decode((UUID, UUID).self) {
            let successor = try await create(
                userID: userID, family: family, lifetime: lifetime, on: connection, logger: logger)
            return .rotated(userID: userID, successor: successor)
        }
        let known = try await connection.query(
            "SELECT family_id, spent_at IS NOT NULL FROM refresh_tokens WHERE token_hash = \(token.hash)",
            logger: logger)
        for (family, wasSpent) in try known.decode((UUID, Bool).self) {
            guard wasSpent else { return .rejected }
            try await revoke(family: family, on: connection, logger: logger)
            return .reused
        }
        return .rejected
    }

    /// Ends the login `token` belongs to; an unknown token changes nothing.
    static func revokeFamily(of token: RefreshToken, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            UPDATE refresh_tokens SET revoked_at = now()
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = \(token.hash))
              AND revoked_at IS NULL
            """, logger: logger)
    }

    static func revoke(family: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = \(family) AND revoked_at IS NULL",
            logger: logger)
    }

    /// Ends every login of the user (after a password change).
    static func revokeAll(userID: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = \(userID) AND revoked_at IS NULL",
            logger: logger)
    }
}
