import Logging
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A collection's rules over its store: per-user caps, optimistic concurrency, and telling a
/// missing object (404) from a stale one (412). Every call is on behalf of one owner.
public struct CollectionService<Kind: CollectionKind>: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One page of the owner's objects, newest first, with the cursor of the next page if any.
    public func list(owner: UUID, page: PageRequest, filters: [ColumnValue], logger: Logger) async throws
        -> CollectionPage<Kind.Fields>
    {
        // One more than asked tells whether another page follows, without a count.
        let fetched = try await database.withConnection { connection in
            try await CollectionStore<Kind>.page(
                owner: owner, filters: filters, after: page.after, limit: page.limit + 1, on: connection,
                logger: logger)
        }
        let items = Array(fetched.prefix(page.limit))
        return CollectionPage(items: items, nextCursor: fetched.count > page.limit ? items.last?.cursor : nil)
    }

    /// Stores a new object for the owner: a 409 `limit_reached` at the cap, or the kind's
    /// conflict when a unique constraint refuses it.
    public func create(owner: UUID, values: [ColumnValue], logger: Logger) async throws -> OwnedObject<Kind.Fields> {
        let outcome = try await mappingConflicts {
            try await database.withTransaction { connection -> CreateOutcome in
                // Counting and inserting under the owner's lock: concurrent creates at the cap
                // queue here, and each one counts what the previous one inserted.
                guard try await CollectionStore<Kind>.lockOwner(owner, on: connection, logger: logger) else {
                    return .ownerGone
                }
                let count = try await CollectionStore<Kind>.count(owner: owner, on: connection, logger: logger)
                guard count < Kind.maximumPerUser else { return .limitReached }
                guard
                    let object = try await CollectionStore<Kind>.insert(
                        id: .version7(), owner: owner, values: values, on: connection, logger: logger)
                else { throw InsertReturnedNothing() }
                return .created(object)
            }
        }
        switch outcome {
        case .created(let object): return object
        case .limitReached: throw APIError.limitReached("at most \(Kind.maximumPerUser) \(Kind.name) a user")
        // The access token outlived its user (deleted a moment ago): as if the token were invalid.
        case .ownerGone: throw APIError.unauthorized(tokenSent: true)
        }
    }

    /// The owner's object; a 404 when it is missing or someone else's.
    public func find(id: UUID, owner: UUID, logger: Logger) async throws -> OwnedObject<Kind.Fields> {
        let object = try await database.withConnection { connection in
            try await CollectionStore<Kind>.find(id: id, owner: owner, on: connection, logger: logger)
        }
        guard let object else { throw APIError.notFound }
        return object
    }

    /// Writes the given values into the owner's object, at the version `precondition` names if
    /// any: a 404 when it is missing or someone else's, a 412 when it is at another version.
    public func update(
        id: UUID, owner: UUID, values: [ColumnValue], precondition: VersionPrecondition?, logger: Logger
    ) async throws -> OwnedObject<Kind.Fields> {
        let expectedVersion = try await expectedVersion(precondition, id: id, owner: owner, logger: logger)
        let updated = try await mappingConflicts {
            try await database.withConnection { connection in
                try await CollectionStore<Kind>.update(
                    id: id, owner: owner, values: values, expectedVersion: expectedVersion, on: connection,
                    logger: logger)
            }
        }
        if let updated { return updated }
        guard precondition != nil else { throw APIError.notFound }
        throw try await failedPrecondition(id: id, owner: owner, logger: logger)
    }

    /// Deletes the owner's object, with the same 404 and 412 as ``update(id:owner:values:precondition:logger:)``.
    public func delete(id: UUID, owner: UUID, precondition: VersionPrecondition?, logger: Logger) async throws {
        let expectedVersion = try await expectedVersion(precondition, id: id, owner: owner, logger: logger)
        let deleted = try await database.withConnection { connection in
            try await CollectionStore<Kind>.delete(
                id: id, owner: owner, expectedVersion: expectedVersion, on: connection, logger: logger)
        }
        if deleted { return }
        guard precondition != nil else { throw APIError.notFound }
        throw try await failedPrecondition(id: id, owner: owner, logger: logger)
    }

    /// The version a conditional write must find. An `if-match` no version can satisfy needs
    /// no write at all: only whether the object exists (412) or not (404).
    private func expectedVersion(_ precondition: VersionPrecondition?, id: UUID, owner: UUID, logger: Logger)
        async throws -> Int?
    {
        switch precondition {
        case nil: return nil
        case .version(let version): return version
        case .unsatisfiable: throw try await failedPrecondition(id: id, owner: owner, logger: logger)
        }
    }

    /// Why a conditional write matched no row: the object exists (at another version, 412) or
    /// is missing or someone else's (404, the same answer either way).
    private func failedPrecondition(id: UUID, owner: UUID, logger: Logger) async throws -> APIError {
        let exists = try await database.withConnection { connection in
            try await CollectionStore<Kind>.exists(id: id, owner: owner, on: connection, logger: logger)
        }
        return exists ? .preconditionFailed : .notFound
    }

    /// Turns a unique-constraint refusal into the conflict the kind says it means (`name_taken`).
    private func mappingConflicts<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch {
            if let constraint = UniqueViolation.constraint(in: error), let conflict = Kind.uniqueConstraints[constraint]
            {
                throw conflict
            }
            throw error
        }
    }

    /// How a create's transaction ended.
    enum CreateOutcome: Sendable {
        case created(OwnedObject<Kind.Fields>)
        case limitReached
        case ownerGone
    }

    /// `INSERT ... RETURNING` gave no row: cannot happen, answered with a 500 if it does.
    struct InsertReturnedNothing: Error {}
}
