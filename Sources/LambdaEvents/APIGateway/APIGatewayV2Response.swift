#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a function returns to an API Gateway HTTP API (payload format 2.0).
public struct APIGatewayV2Response: Codable, Sendable, Hashable {
    public var statusCode: Int
    public var headers: [String: String]?
    /// Each becomes a `set-cookie` header.
    public var cookies: [String]?
    public var body: String?
    public var isBase64Encoded: Bool?

    public init(
        statusCode: Int,
        headers: [String: String]? = nil,
        cookies: [String]? = nil,
        body: String? = nil,
        isBase64Encoded: Bool? = nil
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.cookies = cookies
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    /// A response whose body is binary, sent base64-encoded as API Gateway expects.
    public init(statusCode: Int, headers: [String: String]? = nil, binaryBody: some Collection<UInt8>) {
        self.init(
            statusCode: statusCode,
            headers: headers,
            body: Data(binaryBody).base64EncodedString(),
            isBase64Encoded: true
        )
    }

    /// The body's bytes, decoding base64 when the response says it is encoded.
    public var bodyBytes: [UInt8]? {
        guard let body else { return [] }
        if isBase64Encoded == true {
            return Data(base64Encoded: body).map(Array.init)
        }
        return Array(body.utf8)
    }
}
