import LambdaEvents

/// What an endpoint answers: a status, headers and a body, turned into API Gateway's response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: String?

    public init(status: Int, headers: [String: String] = [:], body: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `content-type: application/json`.
    public static func json(_ value: some Encodable, status: Int = 200, headers: [String: String] = [:]) throws
        -> HTTPResponse
    {
        var headers = headers
        headers["content-type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: try JSONCoding.text(of: value))
    }

    public static func noContent(headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: 204, headers: headers)
    }

    /// The problem+json response for an error of the contract.
    public static func problem(_ error: APIError) -> HTTPResponse {
        let (details, headers) = error.problem
        var allHeaders = headers
        allHeaders["content-type"] = "application/problem+json"
        return HTTPResponse(
            status: details.status, headers: allHeaders, body: (try? JSONCoding.text(of: details)) ?? "{}")
    }

    /// The API Gateway payload, with the request id every response carries.
    public func apiGatewayResponse(requestID: String) -> APIGatewayV2Response {
        var headers = headers
        headers["x-request-id"] = requestID
        return APIGatewayV2Response(statusCode: status, headers: headers, body: body, isBase64Encoded: false)
    }
}
