import Postgres
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The user's price alerts: `/api/alerts`, at most 500 a user, listable by status.
public enum Alerts: CollectionKind {
    public typealias Fields = Alert

    public static let name = "alerts"
    public static let maximumPerUser = 500
    public static let columns: [CollectionColumn] = [
        CollectionColumn("symbol", .text), CollectionColumn("condition", .text), CollectionColumn("price", .numeric),
        CollectionColumn("note", .text), CollectionColumn("status", .text),
        CollectionColumn("triggered_at", .timestamp), CollectionColumn("armed_at", .timestamp),
    ]

    public static func fields(from row: SQLRow) throws -> Alert {
        let status = try row["status"].decode(String.self)
        guard let status = AlertStatus(rawValue: status) else { throw UnknownStatus(stored: status) }
        return Alert(
            symbol: try row["symbol"].decode(String.self),
            condition: try row["condition"].decode(String.self),
            price: try row["price"].decode(String.self),
            note: try row["note"].decode(String.self),
            status: status,
            triggeredAt: try row["triggered_at"].decode(Date?.self).map(Timestamp.init))
    }

    public static func values(from body: JSONObject, for write: CollectionWrite) throws(APIError) -> [ColumnValue] {
        var body = CollectionBody(body, for: write)
        body.read("symbol") { value throws(FieldError) in .text(try Symbol.parse(value, field: "symbol")) }
        body.read("condition") { value throws(FieldError) in .text(try AlertCondition.parse(value)) }
        body.read("price") { value throws(FieldError) in .numeric(try AlertPrice.parse(value)) }
        body.read("note", default: .text("")) { value throws(FieldError) in .text(try AlertNote.parse(value)) }
        let status = body.read("status", default: .text(AlertStatus.active.rawValue)) { value throws(FieldError) in
            .text(try AlertStatus.parseClientSet(value).rawValue)
        }
        // Setting the status by hand re-arms or disarms the alert: whatever triggered it before
        // no longer describes it, and a re-armed alert fires only on prices from then on.
        if status != nil, write == .update {
            body.set("triggered_at", to: .null)
            if status == .text(AlertStatus.active.rawValue) {
                body.set("armed_at", to: .now)
            }
        }
        return try body.validated()
    }

    public static func filters(from request: HTTPRequest, errors: inout ValidationErrors) -> [ColumnValue] {
        guard let text = request.queryParameter("status") else { return [] }
        do throws(FieldError) {
            return [ColumnValue(column: "status", value: .text(try AlertStatus.parseFilter(text).rawValue))]
        } catch {
            errors.add(error)
            return []
        }
    }

    /// The database holds a status this build does not know: a bug, answered with a 500.
    struct UnknownStatus: Error {
        var stored: String
    }
}
