/// What an API Gateway WebSocket API hands a function through a Lambda proxy integration.
///
/// API Gateway sends different parts for different events: the handshake's headers and query
/// string only with `CONNECT` (a `DISCONNECT` carries a few headers of its own), a body only with
/// `MESSAGE`. Whatever it leaves out for some event is optional here.
public struct APIGatewayWebSocketRequest: Codable, Sendable, Hashable {
    /// The handshake's headers, repeated ones holding their last value.
    public var headers: [String: String]?
    public var multiValueHeaders: [String: [String]]?
    public var queryStringParameters: [String: String]?
    public var multiValueQueryStringParameters: [String: [String]]?
    public var requestContext: RequestContext
    /// A message's text, or base64 when `isBase64Encoded` is true.
    public var body: String?
    public var isBase64Encoded: Bool

    public init(
        headers: [String: String]? = nil,
        multiValueHeaders: [String: [String]]? = nil,
        queryStringParameters: [String: String]? = nil,
        multiValueQueryStringParameters: [String: [String]]? = nil,
        requestContext: RequestContext,
        body: String? = nil,
        isBase64Encoded: Bool = false
    ) {
        self.headers = headers
        self.multiValueHeaders = multiValueHeaders
        self.queryStringParameters = queryStringParameters
        self.multiValueQueryStringParameters = multiValueQueryStringParameters
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers)
        multiValueHeaders = try container.decodeIfPresent([String: [String]].self, forKey: .multiValueHeaders)
        queryStringParameters = try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters)
        multiValueQueryStringParameters = try container.decodeIfPresent(
            [String: [String]].self,
            forKey: .multiValueQueryStringParameters
        )
        requestContext = try container.decode(RequestContext.self, forKey: .requestContext)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }

    /// The body's bytes, base64-decoded when API Gateway encoded it; `nil` when it is not valid base64.
    public var bodyBytes: [UInt8]? {
        ProxyPayload.bytes(of: body, isBase64Encoded: isBase64Encoded)
    }

    /// A handshake header's value by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.flatMap { ProxyPayload.header(name, in: $0) }
    }

    /// Which of a connection's moments an event reports.
    public enum EventType: String, Codable, Sendable, Hashable {
        case connect = "CONNECT"
        case message = "MESSAGE"
        case disconnect = "DISCONNECT"
    }

    public struct RequestContext: Codable, Sendable, Hashable {
        /// `$connect`, `$disconnect`, `$default` or the custom route the message selected.
        public var routeKey: String
        public var eventType: EventType
        /// Set for `MESSAGE` events only.
        public var messageId: String?
        public var extendedRequestId: String?
        /// `25/Nov/2026:13:00:00 +0000`
        public var requestTime: String
        /// Always `IN`: the event reports what the client did.
        public var messageDirection: String
        public var stage: String
        /// When the connection was made, in milliseconds since the Unix epoch.
        public var connectedAt: Int64
        /// Milliseconds since the Unix epoch.
        public var requestTimeEpoch: Int64
        public var identity: Identity
        public var requestId: String
        public var domainName: String
        /// What the `@connections` management API names this connection by.
        public var connectionId: String
        public var apiId: String
        /// The WebSocket close code, for `DISCONNECT` events only.
        public var disconnectStatusCode: Int?
        /// Why the connection ended, for `DISCONNECT` events only; may be empty.
        public var disconnectReason: String?

        public init(
            routeKey: String,
            eventType: EventType,
            messageId: String? = nil,
            extendedRequestId: String? = nil,
            requestTime: String,
            messageDirection: String = "IN",
            stage: String,
            connectedAt: Int64,
            requestTimeEpoch: Int64,
            identity: Identity,
            requestId: String,
            domainName: String,
            connectionId: String,
            apiId: String,
            disconnectStatusCode: Int? = nil,
            disconnectReason: String? = nil
        ) {
            self.routeKey = routeKey
            self.eventType = eventType
            self.messageId = messageId
            self.extendedRequestId = extendedRequestId
            self.requestTime = requestTime
            self.messageDirection = messageDirection
            self.stage = stage
            self.connectedAt = connectedAt
            self.requestTimeEpoch = requestTimeEpoch
            self.identity = identity
            self.requestId = requestId
            self.domainName = domainName
            self.connectionId = connectionId
            self.apiId = apiId
            self.disconnectStatusCode = disconnectStatusCode
            self.disconnectReason = disconnectReason
        }
    }

    /// Who is at the other end of the connection.
    public struct Identity: Codable, Sendable, Hashable {
        public var sourceIp: String
        /// The handshake's `User-Agent`; absent when the client sent none.
        public var userAgent: String?

        public init(sourceIp: String, userAgent: String? = nil) {
            self.sourceIp = sourceIp
            self.userAgent = userAgent
        }
    }
}
