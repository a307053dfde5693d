import Postgres

/// SQL assembled piece by piece with its parameters numbered as they are bound, for the
/// statements whose shape depends on the collection. Only identifiers written in code go into
/// the text; every value is a parameter.
struct BoundQuery {
    private(set) var sql = ""
    private(set) var bindings = SQLBindings()

    init(_ sql: String = "") {
        self.sql = sql
    }

    mutating func append(_ text: String) {
        sql += text
    }

    /// Binds `value` and returns its placeholder (`$3`).
    mutating func bind(_ value: some SQLEncodable) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    /// The placeholder for a column value, cast to the column's type; SQL NULL and the clock need no parameter.
    mutating func bind(_ value: ColumnValue.Value) -> String {
        switch value {
        case .text(let text): "\(bind(text))::text"
        case .textArray(let texts): "\(bind(texts))::text[]"
        case .json(let text): "\(bind(text))::json"
        case .numeric(let text): "\(bind(text))::numeric"
        case .null: "NULL"
        case .now: "now()"
        }
    }

    var query: SQLQuery { SQLQuery(unsafeSQL: sql, bindings: bindings) }
}
