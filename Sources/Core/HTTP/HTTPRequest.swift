import LambdaEvents

/// An API request as a ChronoView endpoint sees it: the API Gateway event and what it needs from it.
public struct HTTPRequest: Sendable {
    /// The largest body accepted, in bytes.
    public static let maximumBodySize = 256 * 1024

    public let event: APIGatewayV2Request

    public init(event: APIGatewayV2Request) {
        self.event = event
    }

    /// `METHOD /path/{param}` as API Gateway matched it.
    public var routeKey: String { event.routeKey }
    public var requestID: String { event.requestContext.requestId }

    public func header(_ name: String) -> String? { event.header(name) }

    public func pathParameter(_ name: String) -> String? { event.pathParameters?[name] }

    public func queryParameter(_ name: String) -> String? { event.queryStringParameters?[name] }

    /// Refuses a body over the limit as soon as a declared `content-length` says so.
    public func checkDeclaredLength() throws(APIError) {
        if let declared = header("content-length").flatMap({ Int($0.trimmingWhitespace()) }),
            declared > Self.maximumBodySize
        {
            throw .payloadTooLarge
        }
    }

    /// The body as a JSON object: 413 when too large, 400 `invalid_json` when empty, not JSON by
    /// RFC 8259 (read strictly: see ``JSONValue/init(parsing:maximumDepth:)``), or not an object.
    public func jsonObject() throws(APIError) -> JSONObject {
        try checkDeclaredLength()
        guard let bytes = event.bodyBytes else { throw .invalidJSON("the body is not valid base64") }
        guard bytes.count <= Self.maximumBodySize else { throw .payloadTooLarge }
        guard !bytes.isEmpty else { throw .invalidJSON("the body is empty; a JSON object is expected") }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw .invalidJSON("the body is not valid JSON: \(error)")
        }
        guard case .object(let fields) = value else { throw .invalidJSON("the body must be a JSON object") }
        return JSONObject(fields)
    }
}
