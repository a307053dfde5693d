import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// SQL for a collection's table. Every statement names the owner, so no path can reach another
/// user's objects.
enum CollectionStore<Kind: CollectionKind> {
    private static var table: String { #""\#(Kind.name)""# }

    /// The frame's columns, then the kind's own.
    static var selectList: String {
        let frame = [
            "id", "user_id", "created_at", "updated_at", "version",
            // extract(epoch ...) is numeric since PostgreSQL 14, so the microseconds are exact.
            "(extract(epoch FROM created_at) * 1000000)::int8 AS created_micros",
        ]
        return (frame + Kind.columns.map(\.selectExpression)).joined(separator: ", ")
    }

    /// The newest-first order, which the (user_id, created_at DESC, id DESC) index yields as is.
    private static var newestFirst: String { "ORDER BY created_at DESC, id DESC" }

    /// Locks the owner's row until the transaction ends, so that one user's creates take turns
    /// between counting and inserting. `false` when the user no longer exists.
    static func lockOwner(_ owner: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        // NO KEY UPDATE: it queues the owner's creates behind each other, yet leaves alone the
        // KEY SHARE locks that inserts into every collection take on the same row.
        let rows = try await connection.query(
            "SELECT 1 FROM users WHERE id = \(owner) FOR NO KEY UPDATE", logger: logger)
        return !rows.isEmpty
    }

    static func count(owner: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var query = BoundQuery()
        let ownerParameter = query.bind(owner)
        query.append("SELECT count(*)::int8 FROM \(table) WHERE user_id = \(ownerParameter)")
        for count in try await connection.query(query.query, logger: logger).decode(Int.self) {
            return count
        }
        return 0
    }

    static func insert(
        id: UUID, owner: UUID, values: [ColumnValue], on connection: PostgresConnection, logger: Logger
    ) async throws -> OwnedObject<Kind.Fields>? {
        try check(values)
        // The clock is read after the owner's lock was granted, so rows are created in the order
        // their created_at says (now() would give the time the transaction began waiting).
        var query = BoundQuery("WITH clock AS (SELECT clock_timestamp() AS at) INSERT INTO \(table) (id, user_id, ")
        query.append("created_at, updated_at")
        var placeholders = [query.bind(id), query.bind(owner), "clock.at", "clock.at"]
        for value in values {
            query.append(#", "\#(value.column)""#)
            placeholders.append(query.bind(value.value))
        }
        query.append(") SELECT \(placeholders.joined(separator: ", ")) FROM clock RETURNING \(selectList)")
        return try await objects(query, on: connection, logger: logger).first
    }

    static func find(id: UUID, owner: UUID, on connection: PostgresConnection, logger: Logger) async throws
        -> OwnedObject<Kind.Fields>?
    {
        var query = BoundQuery()
        let (idParameter, ownerParameter) = (query.bind(id), query.bind(owner))
        query.append("SELECT \(selectList) FROM \(table) WHERE id = \(idParameter) AND user_id = \(ownerParameter)")
        return try await objects(query, on: connection, logger: logger).first
    }

    static func exists(id: UUID, owner: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        var query = BoundQuery()
        let (idParameter, ownerParameter) = (query.bind(id), query.bind(owner))
        query.append("SELECT 1 FROM \(table) WHERE id = \(idParameter) AND user_id = \(ownerParameter)")
        for _ in try await connection.query(query.query, logger: logger) { return true }
        return false
    }

    /// Up to `limit` objects after `after`, newest first. Keyset pagination: the row comparison
    /// is an index condition, so a deep page costs what the first one does.
    static func page(
        owner: UUID, filters: [ColumnValue], after: PageCursor?, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [OwnedObject<Kind.Fields>] {
        try check(filters)
        var query = BoundQuery()
        let ownerParameter = query.bind(owner)
        query.append("SELECT \(selectList) FROM \(table) WHERE user_id = \(ownerParameter)")
        for filter in filters {
            let parameter = query.bind(filter.value)
            query.append(#" AND "\#(filter.column)" = \#(parameter)"#)
        }
        if let after {
            let microseconds = query.bind(after.createdMicroseconds)
            let id = query.bind(after.id)
            query.append(
                " AND (created_at, id) < ('epoch'::timestamptz + \(microseconds)::int8 * interval '1 microsecond', \(id))"
            )
        }
        let limitParameter = query.bind(limit)
        query.append(" \(newestFirst) LIMIT \(limitParameter)")
        return try await objects(query, on: connection, logger: logger)
    }

    /// Writes `values`, bumps the version and `updated_at`, in one statement that also checks the
    /// expected version, so two writers holding the same version cannot both succeed. `nil` when
    /// no row matched (missing, someone else's, or at another version).
    static func update(
        id: UUID, owner: UUID, values: [ColumnValue], expectedVersion: Int?,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> OwnedObject<Kind.Fields>? {
        try check(values)
        var query = BoundQuery("UPDATE \(table) SET ")
        var assignments: [String] = []
        for value in values {
            let parameter = query.bind(value.value)
            assignments.append(#""\#(value.column)" = \#(parameter)"#)
        }
        assignments += ["version = version + 1", "updated_at = now()"]
        query.append(assignments.joined(separator: ", "))
        appendWhereClause(id: id, owner: owner, expectedVersion: expectedVersion, to: &query)
        query.append(" RETURNING \(selectList)")
        return try await objects(query, on: connection, logger: logger).first
    }

    /// Deletes the object, at `expectedVersion` when given; `false` when no row matched.
    static func delete(
        id: UUID, owner: UUID, expectedVersion: Int?, on connection: PostgresConnection, logger: Logger
    ) async throws -> Bool {
        var query = BoundQuery("DELETE FROM \(table)")
        appendWhereClause(id: id, owner: owner, expectedVersion: expectedVersion, to: &query)
        query.append(" RETURNING 1")
        for _ in try await connection.query(query.query, logger: logger) { return true }
        return false
    }

    /// The `WHERE` clause of a write to one object: its id and owner, and `expectedVersion` when
    /// given, so that updates and deletes hold the same optimistic-concurrency rule.
    private static func appendWhereClause(
        id: UUID, owner: UUID, expectedVersion: Int?, to query: inout BoundQuery
    ) {
        let (idParameter, ownerParameter) = (query.bind(id), query.bind(owner))
        query.append(" WHERE id = \(idParameter) AND user_id = \(ownerParameter)")
        if let expectedVersion {
            let versionParameter = query.bind(expectedVersion)
            query.append(" AND version = \(versionParameter)")
        }
    }

    static func objects(_ query: BoundQuery, on connection: PostgresConnection, logger: Logger)
        async throws -> [OwnedObject<Kind.Fields>]
    {
        var objects: [OwnedObject<Kind.Fields>] = []
        for columns in try await connection.query(query.query, logger: logger) {
            objects.append(
                OwnedObject(
                    id: try columns["id"].decode(UUID.self),
                    owner: try columns["user_id"].decode(UUID.self),
                    createdAt: Timestamp(try columns["created_at"].decode(Date.self)),
                    updatedAt: Timestamp(try columns["updated_at"].decode(Date.self)),
                    version: try columns["version"].decode(Int.self),
                    fields: try Kind.fields(from: columns),
                    createdMicroseconds: try columns["created_micros"].decode(Int64.self)
                ))
        }
        return objects
    }

    /// Column names go into the SQL text, so they must be the kind's own, as declared in code.
    private static func check(_ values: [ColumnValue]) throws {
        let known = Set(Kind.columns.map(\.name))
        if let unknown = values.first(where: { !known.contains($0.column) }) {
            throw UnknownColumn(collection: Kind.name, column: unknown.column)
        }
    }

    /// A kind wrote a value for a column it did not declare: a bug, answered with a 500.
    struct UnknownColumn: Error {
        var collection: String
        var column: String
    }
}
