/// An HTTP API's `DefaultRouteSettings` throttling: each route may take `burstLimit` requests
/// at once and `rateLimit` a second in the long run.
public struct RouteThrottling: Sendable, Hashable {
    public var burstLimit: Int
    public var rateLimit: Double

    public init(burstLimit: Int, rateLimit: Double) {
        self.burstLimit = burstLimit
        self.rateLimit = rateLimit
    }
}
