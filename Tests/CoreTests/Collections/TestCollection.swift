import Core
import Foundation
import Postgres
import Testing

/// One of the three collections, described for the tests that every collection must pass: its
/// routes, cap, a valid body, a valid change, and a way to fill a user's share straight in SQL.
struct TestCollection: Sendable, CustomTestStringConvertible {
    var name: String
    /// Every field a client writes.
    var fields: [String]
    var routes: @Sendable (ChronoViewServices) -> [String: Endpoint]
    var cap: Int
    /// A valid create body; `index` keeps bodies distinct where names must be unique.
    var body: @Sendable (_ index: Int) -> String
    /// A valid patch body, the field it changes and the value that field then has.
    var change: (body: String, field: String, value: String)
    /// Inserts `count` objects for `owner` without going through the API.
    var fill: @Sendable (_ owner: UUID, _ count: Int) -> SQLQuery

    var testDescription: String { name }

    static let charts = TestCollection(
        name: "charts", fields: ["name", "symbol", "interval", "layout"], routes: CollectionRoutes.charts, cap: 1000,
        body: { #"{"name":"Chart \#($0)","symbol":"aapl","interval":"1d","layout":{"n":\#($0)}}"# },
        change: (#"{"name":"Renamed"}"#, "name", "Renamed"),
        fill: { owner, count in
            """
            INSERT INTO charts (id, user_id, name, symbol, "interval")
            SELECT gen_random_uuid(), \(owner), 'Filler ' || g, 'AAPL', '1d' FROM generate_series(1, \(count)) AS g
            """
        })

    static let watchlists = TestCollection(
        name: "watchlists", fields: ["name", "symbols"], routes: CollectionRoutes.watchlists, cap: 200,
        body: { #"{"name":"List \#($0)","symbols":["aapl","EUR/USD"]}"# },
        change: (#"{"name":"Renamed"}"#, "name", "Renamed"),
        fill: { owner, count in
            """
            INSERT INTO watchlists (id, user_id, name)
            SELECT gen_random_uuid(), \(owner), 'Filler ' || g FROM generate_series(1, \(count)) AS g
            """
        })

    static let alerts = TestCollection(
        name: "alerts", fields: ["symbol", "condition", "price", "note", "status"], routes: CollectionRoutes.alerts,
        cap: 500,
        body: { #"{"symbol":"aapl","condition":"above","price":"\#(100 + $0).50"}"# },
        change: (#"{"note":"earnings run-up"}"#, "note", "earnings run-up"),
        fill: { owner, count in
            """
            INSERT INTO alerts (id, user_id, symbol, condition, price)
            SELECT gen_random_uuid(), \(owner), 'AAPL', 'above', g FROM generate_series(1, \(count)) AS g
            """
        })

    static let all = [charts, watchlists, alerts]
}
