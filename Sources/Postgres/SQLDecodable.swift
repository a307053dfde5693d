/// A value that can be read from a result column in PostgreSQL's text output format.
public protocol SQLDecodable {
    /// Reads the column; `text` is `nil` for SQL NULL, which only optionals accept.
    static func decode(sqlText text: String?) throws(PostgresError) -> Self
}

/// A type that reads a non-NULL column from its text.
public protocol SQLTextDecodable: SQLDecodable {
    /// `nil` when `text` is not a value of this type.
    init?(sqlText text: String)
}

extension SQLTextDecodable {
    public static func decode(sqlText text: String?) throws(PostgresError) -> Self {
        guard let text else {
            throw PostgresError(.invalidValue, message: "NULL where a \(Self.self) was expected")
        }
        guard let value = Self(sqlText: text) else {
            throw PostgresError(.invalidValue, message: "'\(text.prefix(64))' is not a \(Self.self)")
        }
        return value
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public static func decode(sqlText text: String?) throws(PostgresError) -> Self {
        guard let text else { return nil }
        return try Wrapped.decode(sqlText: text)
    }
}
