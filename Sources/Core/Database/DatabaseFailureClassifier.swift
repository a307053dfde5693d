import NIOCore
import PostgresNIO

/// Tells an outage (worth a 503 and a retry) from a bug (a 500).
enum DatabaseFailureClassifier {
    /// SQLSTATE classes and codes that mean the server is going away, starting, or unreachable.
    private static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "57P05", "53300", "40001", "40P01"]

    /// SQLSTATEs with which the server ends a session: shut down, crashed, idle too long.
    private static let sessionEndedStates: Set<String> = ["57P01", "57P02", "57P05"]

    /// The session went away under an operation, which therefore committed nothing: the
    /// server closed the connection or ended the session. Our own timeout is not one of these.
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
        if error is IOError || error is ChannelError {
            return true
        }
        let name = String(describing: type(of: error))
        return name.contains("ConnectionError") || name.contains("ConnectionPoolError")
    }
}
