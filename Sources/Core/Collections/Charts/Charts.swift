import Postgres
import Runtime

/// The user's saved charts: `/api/charts`, at most 1,000 a user.
public enum Charts: CollectionKind {
    public typealias Fields = Chart

    public static let name = "charts"
    public static let maximumPerUser = 1000
    public static let columns: [CollectionColumn] = [
        CollectionColumn("name", .text), CollectionColumn("symbol", .text), CollectionColumn("interval", .text),
        CollectionColumn("layout", .json),
    ]

    public static func fields(from row: SQLRow) throws -> Chart {
        Chart(
            name: try row["name"].decode(String.self),
            symbol: try row["symbol"].decode(String.self),
            interval: try row["interval"].decode(String.self),
            layout: try ChartLayout.decode(stored: try row["layout"].decode(String.self)))
    }

    public static func values(from body: JSONObject, for write: CollectionWrite) throws(APIError) -> [ColumnValue] {
        var body = CollectionBody(body, for: write)
        body.read("name") { value throws(FieldError) in .text(try ItemName.parse(value)) }
        body.read("symbol") { value throws(FieldError) in .text(try Symbol.parse(value, field: "symbol")) }
        body.read("interval") { value throws(FieldError) in .text(try ChartInterval.parse(value)) }
        body.read("layout", default: .json(ChartLayout.empty)) { value throws(FieldError) in
            .json(try ChartLayout.parse(value))
        }
        return try body.validated()
    }
}
