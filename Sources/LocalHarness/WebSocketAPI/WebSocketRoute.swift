/// A route of a WebSocket API: a route key and the function its Lambda proxy integration invokes.
public struct WebSocketRoute: Sendable, Hashable {
    /// `$connect`, `$disconnect`, `$default`, or a value of the route selection expression.
    public var key: String
    /// The template function the integration invokes.
    public var functionName: String
    /// The integration's `TimeoutInMillis`; API Gateway gives up on the function after it.
    public var integrationTimeout: Duration
    /// Whether the route has a route response: only then does the function's answer to a
    /// message go back to the client.
    public var hasRouteResponse: Bool

    /// API Gateway's ceiling, and its default, for a WebSocket integration.
    public static let maximumIntegrationTimeout = Duration.seconds(29)

    public init(
        key: String,
        functionName: String,
        integrationTimeout: Duration = WebSocketRoute.maximumIntegrationTimeout,
        hasRouteResponse: Bool = false
    ) {
        self.key = key
        self.functionName = functionName
        self.integrationTimeout = integrationTimeout
        self.hasRouteResponse = hasRouteResponse
    }
}
