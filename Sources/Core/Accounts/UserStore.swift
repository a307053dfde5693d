import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// SQL for the `users` table.
enum UserStore {
    /// Inserts the user unless the email is taken (by anyone, case-insensitively); `nil` then.
    static func insert(
        id: UUID, email: EmailAddress, passwordHash: String, displayName: String,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> User? {
        let rows = try await connection.query(
            """
            INSERT INTO users (id, email, password_hash, display_name)
            VALUES (\(id), \(email.value), \(passwordHash), \(displayName))
            ON CONFLICT DO NOTHING
            RETURNING created_at
            """, logger: logger)
        for createdAt in try rows.decode(Date.self) {
            return User(id: id, email: email.value, displayName: displayName, createdAt: Timestamp(createdAt))
        }
        return nil
    }

    static func find(id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> User? {
        let rows = try await connection.query(
            "SELECT id, email, display_name, created_at FROM users WHERE id = \(id)", logger: logger)
        for (id, email, name, createdAt) in try rows.decode((UUID, String, String, Date).self) {
            return User(id: id, email: email, displayName: name, createdAt: Timestamp(createdAt))
        }
        return nil
    }

    /// The user and their password hash, for checking a password.
    static func findCredentials(email: String, on connection: PostgresConnection, logger: Logger) async throws
        -> (user: User, passwordHash: String)?
    {
        let rows = try await connection.query(
            """
            SELECT id, email, display_name, created_at, password_hash FROM users WHERE lower(email) = \(email)
            """, logger: logger)
        for (id, email, name, createdAt, hash) in try rows.decode((UUID, String, String, Date, String).self) {
            return (User(id: id, email: email, displayName: name, createdAt: Timestamp(createdAt)), hash)
        }
        return nil
    }

    static func passwordHash(id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        let rows = try await connection.query("SELECT password_hash FROM users WHERE id = \(id)", logger: logger)
        for hash in try rows.decode(String.self) { return hash }
        return nil
    }

    static func updateDisplayName(id: UUID, to name: String, on connection: PostgresConnection, logger: Logger)
        async throws -> User?
    {
        let rows = try await connection.query(
            """
            UPDATE users SET display_name = \(name) WHERE id = \(id)
            RETURNING id, email, display_name, created_at
            """, logger: logger)
        for (id, email, name, createdAt) in try rows.decode((UUID, String, String, Date).self) {
            return User(id: id, email: email, displayName: name, createdAt: Timestamp(createdAt))
        }
        return nil
    }

    static func updatePasswordHash(id: UUID, to hash: String, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await connection.query("UPDATE users SET password_hash = \(hash) WHERE id = \(id)", logger: logger)
    }

    /// Deletes the user; everything they own goes with them through `ON DELETE CASCADE`.
    static func delete(id: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM users WHERE id = \(id)", logger: logger)
    }
}
