/// One route of the HTTP API: `GET /api/charts/{id}` (or the `$default` catch-all) to a function.
public struct Route: Sendable, Hashable {
    /// `GET`, `POST`... or `ANY`; `nil` for the `$default` route.
    public var method: String?
    /// `nil` for the `$default` route.
    public var path: RoutePath?
    /// The function's name (`Login`), as the local Lambda service knows it.
    public var functionName: String
    /// How long API Gateway waits for the integration: 30 s unless the event sets `TimeoutInMillis`.
    public var integrationTimeout: Duration

    /// API Gateway's longest (and default) integration timeout for HTTP APIs.
    public static let maximumIntegrationTimeout = Duration.seconds(30)

    public init(
        method: String,
        path: RoutePath,
        functionName: String,
        integrationTimeout: Duration = Route.maximumIntegrationTimeout
    ) {
        self.method = method.uppercased()
        self.path = path
        self.functionName = functionName
        self.integrationTimeout = integrationTimeout
    }

    /// The `$default` route: requests that match no other route.
    public init(defaultRouteTo functionName: String, integrationTimeout: Duration = Route.maximumIntegrationTimeout) {
        self.method = nil
        self.path = nil
        self.functionName = functionName
        self.integrationTimeout = integrationTimeout
    }

    /// `GET /api/charts/{id}`, or `$default`: what the event's `routeKey` says.
    public var key: String {
        guard let method, let path else { return "$default" }
        return "\(method) \(path)"
    }
}
