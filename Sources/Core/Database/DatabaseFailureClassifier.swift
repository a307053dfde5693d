import NIOCore
import NIOPosix
import PostgresNIO
import _ConnectionPoolModule

/// Tells an outage (worth a 503 and a retry) from a bug (a 500).
enum DatabaseFailureClassifier {
    /// SQLSTATE classes and codes that mean the server is going away, starting, or unreachable.
    private static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "57P05", "53300", "40001", "40P01"]

    /// SQLSTATEs with which the server ends a session: shut down, crashed, idle too long.
    private static let sessionEndedStates: Set<String> = ["57P01", "57P02", "57P05"]

    /// The session of a connection in use went away: the server closed the connection or ended
    /// the session, so the operation on it committed nothing. Our own timeout is not one of these.
    static func isLostSession(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .connectionError:
            return true
        case .server:
            return error.serverInfo?[.sqlState].map(sessionEndedStates.contains) ?? false
        default:
            return false
        }
    }

    static func isOutage(_ error: any Error) -> Bool {
        if error is DatabaseUnavailable { return true }
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed,
                .sslUnsupported, .failedToAddSSLHandler:
                return true
            case .server:
                guard let state = error.serverInfo?[.sqlState] else { return false }
                return state.hasPrefix("08") || unavailableStates.contains(state)
            default:
                return false
            }
        }
        // The pool refusing a lease (shut down, or failing to connect so often that it stopped
        // trying for a while) and NIO failing to connect or losing a socket are all outages.
        return error is ConnectionPoolError || error is NIOConnectionError || error is IOError
            || error is ChannelError
    }

    /// What went wrong, for the log: the error's code and the server's SQLSTATE and message,
    /// never the query or its values.
    static func summary(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        var parts = ["PSQLError \(error.code)"]
        if let state = error.serverInfo?[.sqlState] { parts.append("SQLSTATE \(state)") }
        if let message = error.serverInfo?[.message] { parts.append(message) }
        if let underlying = error.underlying { parts.append(String(describing: underlying)) }
        return parts.joined(separator: ": ")
    }
}
