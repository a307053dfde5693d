/// A client's upgrade request, as API Gateway hands it to the `$connect` route.
public struct WebSocketHandshake: Sendable {
    /// The path as sent: `/` or `/<stage>`.
    public var rawPath: String
    /// What follows `?`, as sent.
    public var rawQueryString: String
    /// The upgrade request's headers, as sent.
    public var headers: HTTPHeaderList
    /// The client's address: `X-Forwarded-For` and `identity.sourceIp`.
    public var sourceIP: String
    /// The port the client connected to: `X-Forwarded-Port`.
    public var serverPort: Int

    public init(target: String, headers: HTTPHeaderList, sourceIP: String, serverPort: Int) {
        let request = GatewayRequest(method: "GET", target: target)
        rawPath = request.rawPath
        rawQueryString = request.rawQueryString
        self.headers = headers
        self.sourceIP = sourceIP
        self.serverPort = serverPort
    }
}
