import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `realtime_connections` table: one row per open WebSocket connection.
enum ConnectionStore {
    /// Records a connection, unless its user already has `limit` of them; `false` then. A
    /// `$connect` invoked twice for one connection records it once.
    static func open(_ id: String, user: UUID, limit: Int, on connection: PostgresConnection, logger: Logger)
        async throws -> Bool
    {
        let rows = try await connection.query(
            """
            WITH added AS (
                INSERT INTO realtime_connections (id, user_id)
                SELECT \(id), \(user)
                WHERE (SELECT count(*) FROM realtime_connections WHERE user_id = \(user)) < \(limit)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            )
            SELECT 1 FROM added UNION ALL SELECT 1 FROM realtime_connections WHERE id = \(id)
            """, logger: logger
        )
        return !rows.isEmpty
    }

    /// The connection's symbols, locked until the transaction ends; `nil` when it is not recorded.
    static func symbols(of id: String, on connection: PostgresConnection, logger: Logger) async throws -> [String]? {
        try await connection.query(
            "SELECT symbols FROM realtime_connections WHERE id = \(id) FOR UPDATE", logger: logger
        ).first?.decode([String].self)
    }

    static func setSymbols(_ symbols: [String], of id: String, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await connection.query(
            "UPDATE realtime_connections SET symbols = \(symbols) WHERE id = \(id)", logger: logger)
    }

    static func close(_ ids: [String], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM realtime_connections WHERE id = ANY(\(ids))", logger: logger)
    }

    /// Forgets connections older than `age`, whose `$disconnect` never came (API Gateway closes
    /// every connection within 2 hours); returns how many.
    static func sweep(olderThan age: Duration, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let seconds = Int(age.components.seconds)
        return try await connection.query(
            """
            WITH swept AS (
                DELETE FROM realtime_connections
                WHERE connected_at < now() - \(seconds) * interval '1 second'
                RETURNING 1
            )
            SELECT count(*)::int FROM swept
            """, logger: logger
        )[0].decode(Int.self)
    }
}
