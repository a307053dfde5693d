/// A value that can be a statement's parameter: sent in PostgreSQL's text format, as ``sqlType``.
public protocol SQLEncodable: Sendable {
    /// The type the server reads the parameter as.
    static var sqlType: PostgresType { get }
    /// The parameter in PostgreSQL's text input format; `nil` is SQL NULL.
    var sqlText: String? { get }
}

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    public static var sqlType: PostgresType { Wrapped.sqlType }
    public var sqlText: String? { self?.sqlText }
}
