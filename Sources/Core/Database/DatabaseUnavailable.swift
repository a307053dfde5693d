/// The database could not be reached, or did not answer in time: the request gets a 503.
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    /// Why the operation gave up.
    public enum Cause: Sendable {
        /// No answer within the operation's time budget.
        case timedOut(Duration)
        /// The connection went while the COMMIT's answer was on its way: it may have landed.
        case lostDuringCommit
        /// The server or the network is away (refused, closed, shutting down, ...).
        case outage
    }

    public let cause: Cause
    /// What the database client raised, kept whole for the log and for callers that inspect it.
    public let underlying: (any Error)?

    public init(_ cause: Cause, underlying: (any Error)? = nil) {
        self.cause = cause
        self.underlying = underlying
    }

    public var description: String {
        let reason =
            switch cause {
            case .timedOut(let budget): "no answer within \(budget)"
            case .lostDuringCommit: "connection lost during COMMIT"
            case .outage: "outage"
            }
        guard let underlying else { return "database unavailable: \(reason)" }
        return "database unavailable: \(reason): \(underlying)"
    }
}
