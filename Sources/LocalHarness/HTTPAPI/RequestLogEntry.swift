/// What the terminal shows for one request: method, path, function, status, duration, and
/// the function's init duration when the request met a cold start.
public struct RequestLogEntry: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    public var path: String
    /// `nil` when API Gateway answered without a function (404, preflight, the OpenAPI document).
    public var functionName: String?
    public var status: Int
    /// From the request's arrival to its response, as the client waits.
    public var duration: Duration
    /// Set when an execution environment was started for this request.
    public var initDuration: Duration?
    public var requestID: String
    /// Why API Gateway answered 5xx on the function's behalf, when it did.
    public var problem: String?

    public var description: String {
        var line = "\(method) \(path) → \(functionName ?? "-") \(status) \(Self.milliseconds(duration))"
        if let initDuration { line += " (init \(Self.milliseconds(initDuration)))" }
        if let problem { line += ": \(problem)" }
        return line
    }

    static func milliseconds(_ duration: Duration) -> String {
        let components = duration.components
        let tenths = components.seconds * 10_000 + components.attoseconds / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}
