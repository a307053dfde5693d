import Postgres
import Runtime

/// The user's watchlists: `/api/watchlists`, at most 200 a user, names unique per user
/// case-insensitively.
public enum Watchlists: CollectionKind {
    public typealias Fields = Watchlist

    public static let name = "watchlists"
    public static let maximumPerUser = 200
    public static let columns: [CollectionColumn] = [
        CollectionColumn("name", .text), CollectionColumn("symbols", .textArray),
    ]
    /// The unique index on (user_id, lower(name)) decides, so two concurrent creates or renames
    /// to one name cannot both succeed.
    public static let uniqueConstraints: [String: APIError] = ["watchlists_user_name_key": .nameTaken]

    public static func fields(from row: SQLRow) throws -> Watchlist {
        Watchlist(name: try row["name"].decode(String.self), symbols: try row["symbols"].decode([String].self))
    }

    public static func values(from body: JSONObject, for write: CollectionWrite) throws(APIError) -> [ColumnValue] {
        var body = CollectionBody(body, for: write)
        body.read("name") { value throws(FieldError) in .text(try ItemName.parse(value)) }
        body.read("symbols", default: .textArray([])) { value throws(FieldError) in
            .textArray(try WatchlistSymbols.parse(value))
        }
        return try body.validated()
    }
}
