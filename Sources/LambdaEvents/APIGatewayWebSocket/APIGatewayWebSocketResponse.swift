/// What a function returns to an API Gateway WebSocket API through a Lambda proxy integration.
///
/// For `$connect` a status outside 2xx refuses the handshake; for a message route with a route
/// response the body goes back to the client as a frame; otherwise API Gateway ignores it.
public struct APIGatewayWebSocketResponse: Codable, Sendable, Hashable {
    public var statusCode: Int
    public var headers: [String: String]?
    public var body: String?
    public var isBase64Encoded: Bool?

    public init(
        statusCode: Int,
        headers: [String: String]? = nil,
        body: String? = nil,
        isBase64Encoded: Bool? = nil
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }
}
