import Postgres

/// One kind of object a user owns (charts, watchlists, alerts): everything that differs between
/// them. The shared frame (id, owner, timestamps, version), the store, the caps, paging and the
/// five routes are written once over this protocol.
public protocol CollectionKind: Sendable {
    /// The object's own fields, as stored and returned beside the shared frame.
    associatedtype Fields: Encodable & Sendable

    /// The collection's path segment (`/api/charts`) and table name.
    static var name: String { get }
    /// How many objects of this kind one user may have (`limit_reached` beyond).
    static var maximumPerUser: Int { get }
    /// The own columns, selected by name for ``fields(from:)``.
    static var columns: [CollectionColumn] { get }
    /// Unique constraints of the table and the conflict each one means to a client.
    static var uniqueConstraints: [String: APIError] { get }

    /// Reads the own fields of a row selected with ``columns``.
    static func fields(from row: SQLRow) throws -> Fields

    /// Validates a create body (required fields, defaults) or a patch body (only the fields
    /// given) into the values of the columns to write, or throws a 422 listing every bad field.
    static func values(from body: JSONObject, for write: CollectionWrite) throws(APIError) -> [ColumnValue]

    /// Equality filters the listing takes from the query string (`?status=active`).
    static func filters(from request: HTTPRequest, errors: inout ValidationErrors) -> [ColumnValue]
}

extension CollectionKind {
    public static var uniqueConstraints: [String: APIError] { [:] }

    public static func filters(from request: HTTPRequest, errors: inout ValidationErrors) -> [ColumnValue] { [] }
}
