/// What the terminal shows for one moment of a connection (its `$connect`, a message, its
/// `$disconnect`) or one `@connections` request: route or request, function, status, duration.
public struct WebSocketLogEntry: Sendable, Hashable, CustomStringConvertible {
    /// The route key (`$connect`, `$default`...) or the `@connections` request (`POST /@connections/<id>`).
    public var route: String
    /// The connection's id, or the one an `@connections` request named.
    public var connectionID: String
    /// `nil` when API Gateway answered without a function.
    public var functionName: String?
    /// The function's status code, or API Gateway's own.
    public var status: Int
    /// From the moment's start to API Gateway's answer.
    public var duration: Duration
    /// Set when an execution environment was started for this invocation.
    public var initDuration: Duration?
    /// The close code and reason, for `$disconnect`.
    public var disconnectStatus: DisconnectStatus?
    /// Why API Gateway answered on the function's behalf, when it did.
    public var problem: String?

    /// One terminal line: `WS $default <id> → Realtime 200 12.3 ms`.
    public var description: String {
        var line =
            "WS \(route) \(connectionID) → \(functionName ?? "-") \(status) "
            + RequestLogEntry.milliseconds(duration)
        if let initDuration { line += " (init \(RequestLogEntry.milliseconds(initDuration)))" }
        if let disconnectStatus { line += " [close \(disconnectStatus.code) \(disconnectStatus.reason)]" }
        if let problem { line += ": \(problem)" }
        return line
    }
}
