import Foundation

/// An HTTP API's `CorsConfiguration`, and how API Gateway applies it.
///
/// With CORS configured, API Gateway answers preflight requests itself (an `OPTIONS` request
/// with `origin` and `access-control-request-method`), whether or not an `OPTIONS` route exists,
/// adds the configured headers to the responses of requests that carry an allowed `origin`, and
/// ignores any CORS headers that the integration returns.
public struct CORSConfiguration: Sendable, Hashable {
    /// Origins such as `https://app.example.com`; `*` allows any, and `https://*` any https origin.
    public var allowOrigins: [String]
    public var allowMethods: [String]
    public var allowHeaders: [String]
    public var exposeHeaders: [String]
    public var maxAge: Int?
    public var allowCredentials: Bool

    public init(
        allowOrigins: [String],
        allowMethods: [String] = [],
        allowHeaders: [String] = [],
        exposeHeaders: [String] = [],
        maxAge: Int? = nil,
        allowCredentials: Bool = false
    ) {
        self.allowOrigins = allowOrigins
        self.allowMethods = allowMethods.map { $0.uppercased() }
        self.allowHeaders = allowHeaders.map { $0.lowercased() }
        self.exposeHeaders = exposeHeaders.map { $0.lowercased() }
        self.maxAge = maxAge
        self.allowCredentials = allowCredentials
    }

    /// Whether a request is a CORS preflight that API Gateway answers without a route.
    public static func isPreflight(method: String, headers: HTTPHeaderList) -> Bool {
        method == "OPTIONS" && headers["origin"] != nil && headers["access-control-request-method"] != nil
    }

    /// The value of `access-control-allow-origin` for `origin`, or `nil` when it is not allowed.
    public func allowedOrigin(_ origin: String) -> String? {
        for pattern in allowOrigins {
            if pattern == "*" {
                // A wildcard cannot be combined with credentials, so the origin itself is named then.
                return allowCredentials ? origin : "*"
            }
            if Self.origin(origin, matches: pattern) { return origin }
        }
        return nil
    }

    /// API Gateway's own answer to a preflight request: 204, with the CORS headers when the origin
    /// and the requested method are allowed, and without them otherwise (the browser then refuses).
    public func preflightResponse(headers: HTTPHeaderList) -> [HTTPHeaderField] {
        guard let origin = headers["origin"], let allowedOrigin = allowedOrigin(origin),
            let requestedMethod = headers["access-control-request-method"]?.uppercased(),
            allowMethods.contains("*") || allowMethods.contains(requestedMethod)
        else { return [] }
        var fields = [HTTPHeaderField(name: "access-control-allow-origin", value: allowedOrigin)]
        if !allowMethods.isEmpty {
            let methods = allowMethods.contains("*") ? requestedMethod : allowMethods.joined(separator: ",")
            fields.append(HTTPHeaderField(name: "access-control-allow-methods", value: methods))
        }
        let requestedHeaders = headers["access-control-request-headers"]
        if allowHeaders.contains("*"), let requestedHeaders {
            fields.append(HTTPHeaderField(name: "access-control-allow-headers", value: requestedHeaders))
        } else if !allowHeaders.isEmpty {
            fields.append(
                HTTPHeaderField(name: "access-control-allow-headers", value: allowHeaders.joined(separator: ",")))
        }
        if let maxAge {
            fields.append(HTTPHeaderField(name: "access-control-max-age", value: String(maxAge)))
        }
        if allowCredentials {
            fields.append(HTTPHeaderField(name: "access-control-allow-credentials", value: "true"))
        }
        return fields
    }

    /// The headers API Gateway adds to an integration's response for a request from `origin`.
    public func responseHeaders(origin: String?) -> [HTTPHeaderField] {
        guard let origin, let allowedOrigin = allowedOrigin(origin) else { return [] }
        var fields = [HTTPHeaderField(name: "access-control-allow-origin", value: allowedOrigin)]
        if allowCredentials {
            fields.append(HTTPHeaderField(name: "access-control-allow-credentials", value: "true"))
        }
        if !exposeHeaders.isEmpty {
            fields.append(
                HTTPHeaderField(name: "access-control-expose-headers", value: exposeHeaders.joined(separator: ",")))
        }
        return fields
    }

    /// `*` in a pattern stands for any run of characters: `https://*`, `https://*.example.com`.
    static func origin(_ origin: String, matches pattern: String) -> Bool {
        let pattern = pattern.lowercased()
        let origin = origin.lowercased()
        guard pattern.contains("*") else { return pattern == origin }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard origin.hasPrefix(pieces.first!), origin.hasSuffix(pieces.last!) else { return false }
        var rest = origin.dropFirst(pieces.first!.count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= pieces.last!.count
    }
}
