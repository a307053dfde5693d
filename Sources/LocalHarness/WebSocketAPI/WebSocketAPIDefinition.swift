/// A WebSocket API of the template (`AWS::ApiGatewayV2::Api` with `ProtocolType: WEBSOCKET`):
/// its routes to functions, how it selects a message's route, and its stage.
public struct WebSocketAPIDefinition: Sendable, Hashable {
    /// The API's logical id, which stands in for API Gateway's API id in events.
    public var logicalID: String
    /// `$request.body.action`: which JSON member of a message names its route.
    public var routeSelectionExpression: String
    /// The routes by key.
    public var routes: [String: WebSocketRoute]
    /// The stage's name, which API Gateway puts in the connection URL's path; `nil` without a stage.
    public var stageName: String?

    public init(
        logicalID: String,
        routeSelectionExpression: String,
        routes: [WebSocketRoute],
        stageName: String? = nil
    ) {
        self.logicalID = logicalID
        self.routeSelectionExpression = routeSelectionExpression
        self.routes = Dictionary(routes.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        self.stageName = stageName
    }

    /// The stage as events name it: the template's, or `$default` when it has none.
    public var stage: String { stageName ?? "$default" }
}
