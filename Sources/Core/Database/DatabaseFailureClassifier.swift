import Postgres

/// Tells an outage (worth a 503 and a retry) from a bug (a 500).
enum DatabaseFailureClassifier {
    /// SQLSTATE classes and codes that mean the server is going away, starting, or unreachable.
    private static let unavailableStates: Set<String> = ["57P01", "57P02", "57P03", "57P05", "53300", "40001", "40P01"]

    /// SQLSTATEs with which the server ends a session: shut down, crashed, idle too long.
    private static let sessionEndedStates: Set<String> = ["57P01", "57P02", "57P05"]

    /// The session of a connection in use went away: the server closed the connection or ended
    /// the session, so the operation on it committed nothing. Our own timeout is not one of these.
    static func isLostSession(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        switch error.kind {
        case .connectionLost:
            return true
        case .server:
            return error.sqlState.map(sessionEndedStates.contains) ?? false
        case .connectionFailed, .timedOut, .invalidValue:
            return false
        }
    }

    static func isOutage(_ error: any Error) -> Bool {
        if error is DatabaseUnavailable || error is ConnectionPool.PoolShutDown { return true }
        guard let error = error as? PostgresError else { return false }
        switch error.kind {
        case .connectionFailed, .connectionLost, .timedOut:
            return true
        case .server:
            guard let state = error.sqlState else { return false }
            return state.hasPrefix("08") || unavailableStates.contains(state)
        case .invalidValue:
            return false
        }
    }
}
