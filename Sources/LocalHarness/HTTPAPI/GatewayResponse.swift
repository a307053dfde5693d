/// A response as API Gateway sends it to the client.
public struct GatewayResponse: Sendable, Hashable {
    public var status: Int
    public var headers: HTTPHeaderList
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaderList = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// API Gateway's own error responses: a JSON object with a `message`.
    public static func message(_ status: Int, _ message: String) -> GatewayResponse {
        GatewayResponse(
            status: status,
            headers: [("content-type", "application/json")],
            body: Array("{\"message\":\"\(message)\"}".utf8)
        )
    }

    /// No route matches the request.
    public static var notFound: GatewayResponse { message(404, "Not Found") }
    /// The function failed, or returned something that is not a valid response.
    public static var internalServerError: GatewayResponse { message(502, "Internal Server Error") }
    /// The integration did not answer within the integration timeout.
    public static var serviceUnavailable: GatewayResponse { message(503, "Service Unavailable") }
    /// The route's throttling limits were exceeded.
    public static var tooManyRequests: GatewayResponse { message(429, "Too Many Requests") }
    /// The request is over the 10 MB payload quota.
    public static var requestEntityTooLarge: GatewayResponse { message(413, "Request Entity Too Large") }
}
