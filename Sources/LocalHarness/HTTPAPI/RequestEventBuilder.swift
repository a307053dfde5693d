import Foundation
import LambdaEvents

/// Builds the payload format 2.0 event that API Gateway sends a function for a request.
///
/// As API Gateway does: header names lower-cased and repeated headers joined with commas; the
/// `cookie` header moved into `cookies`, one entry per cookie; the raw query string kept, and
/// `queryStringParameters` decoded with repeated keys joined with commas; path parameters
/// decoded; `x-forwarded-*` and `x-amzn-trace-id` added; text bodies as text, others base64.
public struct RequestEventBuilder: Sendable {
    public var accountID: String
    public var apiID: String
    public var stage: String

    public init(accountID: String = "123456789012", apiID: String = "chronoview", stage: String = "$default") {
        self.accountID = accountID
        self.apiID = apiID
        self.stage = stage
    }

    public func event(
        for request: GatewayRequest,
        match: RouteTable.Match,
        requestID: String,
        time: RequestTime
    ) -> APIGatewayV2Request {
        var cookies: [String] = []
        var headers: [String: String] = [:]
        for field in request.headers.fields {
            let name = field.name.lowercased()
            if name == "cookie" {
                cookies += field.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                continue
            }
            if let existing = headers[name] {
                headers[name] = existing + "," + field.value
            } else {
                headers[name] = field.value
            }
        }
        // What API Gateway itself tells the integration about the connection.
        let forwardedFor = headers["x-forwarded-for"].map { "\($0), \(request.sourceIP)" } ?? request.sourceIP
        headers["x-forwarded-for"] = forwardedFor
        headers["x-forwarded-port"] = String(request.serverPort)
        headers["x-forwarded-proto"] = "http"
        if headers["x-amzn-trace-id"] == nil {
            headers["x-amzn-trace-id"] = GatewayRequestID.traceHeader(epochSeconds: time.epochMilliseconds / 1000)
        }
        if !request.body.isEmpty {
            headers["content-length"] = String(request.body.count)
        }

        let host = headers["host"] ?? "localhost"
        let (body, isBase64Encoded) = BodyEncoding.eventBody(request.body, contentType: headers["content-type"])
        let queryParameters = Self.queryStringParameters(request.rawQueryString)
        return APIGatewayV2Request(
            routeKey: match.route.key,
            rawPath: request.rawPath,
            rawQueryString: request.rawQueryString,
            cookies: cookies.isEmpty ? nil : cookies,
            headers: headers,
            queryStringParameters: queryParameters.isEmpty ? nil : queryParameters,
            pathParameters: match.pathParameters.isEmpty ? nil : match.pathParameters,
            requestContext: .init(
                accountId: accountID,
                apiId: apiID,
                domainName: host,
                domainPrefix: String(host.prefix { $0 != "." && $0 != ":" }),
                http: .init(
                    method: request.method,
                    path: request.rawPath,
                    protocol: "HTTP/1.1",
                    sourceIp: request.sourceIP,
                    userAgent: headers["user-agent"] ?? ""
                ),
                requestId: requestID,
                routeKey: match.route.key,
                stage: stage,
                time: time.formatted,
                timeEpoch: time.epochMilliseconds
            ),
            body: body,
            isBase64Encoded: isBase64Encoded
        )
    }

    /// `a=1&a=2&b=x%20y` → `["a": "1,2", "b": "x y"]`; a key without `=` has an empty value.
    static func queryStringParameters(_ rawQueryString: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in rawQueryString.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentDecoding.decode(parts[0], plusAsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(parts[1], plusAsSpace: true) : ""
            if key.isEmpty { continue }
            if let existing = parameters[key] {
                parameters[key] = existing + "," + value
            } else {
                parameters[key] = value
            }
        }
        return parameters
    }
}
