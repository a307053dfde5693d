/// What went wrong talking to PostgreSQL: a connection that could not open or went away, an
/// operation past its deadline, or an error the server reported (with its SQLSTATE).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The connection could not be opened (refused, unreachable, authentication, TLS).
        case connectionFailed
        /// The connection went away during the operation: the server ended the session, or
        /// the socket closed. Nothing of an unfinished transaction was committed.
        case connectionLost
        /// The operation's deadline passed; the connection was closed under it.
        case timedOut
        /// The server refused the statement; ``sqlState`` says why.
        case server
        /// A value could not be sent (text with a NUL) or a column read as the type asked for.
        case invalidValue
    }

    public var kind: Kind
    /// libpq's or the server's message. It never holds a statement's parameters.
    public var message: String
    /// The server's SQLSTATE, when it sent one.
    public var sqlState: String?
    /// The constraint a statement violated, when the server named one.
    public var constraintName: String?

    public init(_ kind: Kind, message: String, sqlState: String? = nil, constraintName: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.constraintName = constraintName
    }

    public var description: String {
        var parts = ["PostgresError \(kind)"]
        if let sqlState { parts.append("SQLSTATE \(sqlState)") }
        if !message.isEmpty { parts.append(message) }
        return parts.joined(separator: ": ")
    }
}
