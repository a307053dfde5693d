/// A statement and its parameters. Written as a string, every interpolated value becomes a
/// parameter (`$1`, `$2`, ...), never text of the statement:
///
/// ```swift
/// let query: SQLQuery = "SELECT name FROM users WHERE id = \(id)"
/// ```
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation {
    public var sql: String
    public var bindings: SQLBindings

    /// A statement assembled elsewhere; `sql` must not hold a value from outside the code.
    public init(unsafeSQL sql: String, bindings: SQLBindings = SQLBindings()) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings = SQLBindings()

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next parameter.
        public mutating func appendInterpolation(_ value: some SQLEncodable) {
            sql += bindings.append(value)
        }

        /// Binds `value`, SQL NULL when it is `nil`, as the next parameter.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value?) {
            sql += bindings.append(value)
        }

        /// Statement text written in code (a fragment chosen by the caller), not a value.
        public mutating func appendInterpolation(unescaped text: String) {
            sql += text
        }
    }
}

/// A statement's parameters, in order, as text with their types.
public struct SQLBindings: Sendable {
    public private(set) var values: [String?] = []
    public private(set) var types: [PostgresType] = []

    public init() {}

    public var count: Int { values.count }

    /// Appends `value` and returns its placeholder (`$3`).
    @discardableResult
    public mutating func append(_ value: some SQLEncodable) -> String {
        values.append(value.sqlText)
        types.append(type(of: value).sqlType)
        return "$\(values.count)"
    }
}
