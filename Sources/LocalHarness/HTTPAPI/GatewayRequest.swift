/// A request as it reaches API Gateway, before any of API Gateway's processing.
public struct GatewayRequest: Sendable {
    public var method: String
    /// The path as the client sent it, percent-encoding and all.
    public var rawPath: String
    /// What follows `?` in the request target, as sent; empty when there is none.
    public var rawQueryString: String
    public var headers: HTTPHeaderList
    public var body: [UInt8]
    /// The client's address: `requestContext.http.sourceIp` and `x-forwarded-for`.
    public var sourceIP: String
    /// The port the client connected to: `x-forwarded-port`.
    public var serverPort: Int

    /// - Parameter target: the request target, `/path?query`.
    public init(
        method: String,
        target: String,
        headers: HTTPHeaderList = [],
        body: [UInt8] = [],
        sourceIP: String = "127.0.0.1",
        serverPort: Int = 3000
    ) {
        self.method = method.uppercased()
        // A fragment never reaches a server, but a hand-written request may carry one.
        let withoutFragment = target.prefix { $0 != "#" }
        if let question = withoutFragment.firstIndex(of: "?") {
            rawPath = String(withoutFragment[..<question])
            rawQueryString = String(withoutFragment[withoutFragment.index(after: question)...])
        } else {
            rawPath = String(withoutFragment)
            rawQueryString = ""
        }
        if rawPath.isEmpty { rawPath = "/" }
        self.headers = headers
        self.body = body
        self.sourceIP = sourceIP
        self.serverPort = serverPort
    }
}
