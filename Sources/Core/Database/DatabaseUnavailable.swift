/// The database could not be reached, or did not answer in time: the request gets a 503.
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "database unavailable: \(reason)" }
}
