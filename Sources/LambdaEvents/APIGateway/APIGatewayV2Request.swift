#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An API Gateway HTTP API event, payload format version 2.0.
public struct APIGatewayV2Request: Codable, Sendable, Hashable {
    public var version: String
    /// `METHOD /path` of the matched route, or `$default`.
    public var routeKey: String
    public var rawPath: String
    public var rawQueryString: String
    public var cookies: [String]?
    /// Header names lower-cased; repeated headers joined with commas.
    public var headers: [String: String]
    public var queryStringParameters: [String: String]?
    public var pathParameters: [String: String]?
    public var stageVariables: [String: String]?
    public var requestContext: RequestContext
    public var body: String?
    public var isBase64Encoded: Bool

    public init(
        version: String = "2.0",
        routeKey: String,
        rawPath: String,
        rawQueryString: String = "",
        cookies: [String]? = nil,
        headers: [String: String] = [:],
        queryStringParameters: [String: String]? = nil,
        pathParameters: [String: String]? = nil,
        stageVariables: [String: String]? = nil,
        requestContext: RequestContext,
        body: String? = nil,
        isBase64Encoded: Bool = false
    ) {
        self.version = version
        self.routeKey = routeKey
        self.rawPath = rawPath
        self.rawQueryString = rawQueryString
        self.cookies = cookies
        self.headers = headers
        self.queryStringParameters = queryStringParameters
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.requestContext = requestContext
        self.body = body
        self.isBase64Encoded = isBase64Encoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        routeKey = try container.decode(String.self, forKey: .routeKey)
        rawPath = try container.decode(String.self, forKey: .rawPath)
        rawQueryString = try container.decodeIfPresent(String.self, forKey: .rawQueryString) ?? ""
        cookies = try container.decodeIfPresent([String].self, forKey: .cookies)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
        queryStringParameters = try container.decodeIfPresent([String: String].self, forKey: .queryStringParameters)
        pathParameters = try container.decodeIfPresent([String: String].self, forKey: .pathParameters)
        stageVariables = try container.decodeIfPresent([String: String].self, forKey: .stageVariables)
        requestContext = try container.decode(RequestContext.self, forKey: .requestContext)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        isBase64Encoded = try container.decodeIfPresent(Bool.self, forKey: .isBase64Encoded) ?? false
    }

    /// The body's bytes, base64-decoded when API Gateway encoded it; `nil` when it is not valid base64.
    public var bodyBytes: [UInt8]? {
        ProxyPayload.bytes(of: body, isBase64Encoded: isBase64Encoded)
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? {
        ProxyPayload.header(name, in: headers)
    }

    public struct RequestContext: Codable, Sendable, Hashable {
        public var accountId: String
        public var apiId: String
        public var authentication: Authentication?
        public var authorizer: Authorizer?
        public var domainName: String
        public var domainPrefix: String
        public var http: HTTP
        public var requestId: String
        public var routeKey: String
        public var stage: String
        /// `25/Nov/2026:13:00:00 +0000`
        public var time: String
        /// Milliseconds since the Unix epoch.
        public var timeEpoch: Int64

        public init(
            accountId: String,
            apiId: String,
            authentication: Authentication? = nil,
            authorizer: Authorizer? = nil,
            domainName: String,
            domainPrefix: String,
            http: HTTP,
            requestId: String,
            routeKey: String,
            stage: String,
            time: String,
            timeEpoch: Int64
        ) {
            self.accountId = accountId
            self.apiId = apiId
            self.authentication = authentication
            self.authorizer = authorizer
            self.domainName = domainName
            self.domainPrefix = domainPrefix
            self.http = http
            self.requestId = requestId
            self.routeKey = routeKey
            self.stage = stage
            self.time = time
            self.timeEpoch = timeEpoch
        }
    }

    public struct HTTP: Codable, Sendable, Hashable {
        public var method: String
        public var path: String
        public var `protocol`: String
        public var sourceIp: String
        public var userAgent: String

        public init(method: String, path: String, protocol: String, sourceIp: String, userAgent: String) {
            self.method = method
            self.path = path
            self.protocol = `protocol`
            self.sourceIp = sourceIp
            self.userAgent = userAgent
        }
    }

    /// Mutual-TLS details, when the API has a custom domain with mTLS.
    public struct Authentication: Codable, Sendable, Hashable {
        public var clientCert: ClientCertificate?

        public struct ClientCertificate: Codable, Sendable, Hashable {
            public var clientCertPem: String
            public var subjectDN: String
            public var issuerDN: String
            public var serialNumber: String
            public var validity: Validity

            public struct Validity: Codable, Sendable, Hashable {
                public var notBefore: String
                public var notAfter: String
            }
        }
    }

    /// What the route's authorizer established: JWT claims, a Lambda authorizer's context, or IAM.
    public struct Authorizer: Codable, Sendable, Hashable {
        public var jwt: JWT?
        public var lambda: [String: JSONValue]?
        public var iam: IAM?

        public init(jwt: JWT? = nil, lambda: [String: JSONValue]? = nil, iam: IAM? = nil) {
            self.jwt = jwt
            self.lambda = lambda
            self.iam = iam
        }

        public struct JWT: Codable, Sendable, Hashable {
            public var claims: [String: String]
            public var scopes: [String]?

            public init(claims: [String: String], scopes: [String]? = nil) {
                self.claims = claims
                self.scopes = scopes
            }
        }

        public struct IAM: Codable, Sendable, Hashable {
            public var accessKey: String?
            public var accountId: String?
            public var callerId: String?
            public var cognitoIdentity: CognitoIdentity?
            public var principalOrgId: String?
            public var userArn: String?
            public var userId: String?

            public struct CognitoIdentity: Codable, Sendable, Hashable {
                public var amr: [String]?
                public var identityId: String?
                public var identityPoolId: String?
            }
        }
    }
}
