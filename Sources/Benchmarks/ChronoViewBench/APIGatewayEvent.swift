import Foundation

/// Builds the API Gateway HTTP API (payload 2.0) event that Lambda hands a function for a request.
enum APIGatewayEvent {
    static func make(method: String, path: String, query: String = "", body: String? = nil, token: String? = nil)
        -> [UInt8]
    {
        var headers = [
            "host": "api.chronoview.test", "user-agent": "chronoview-bench", "accept": "application/json",
            "x-forwarded-for": "127.0.0.1",
        ]
        if body != nil { headers["content-type"] = "application/json" }
        if let token { headers["authorization"] = "Bearer \(token)" }
        let routeKey = "\(method) \(path)"
        var event: [String: Any] = [
            "version": "2.0", "routeKey": routeKey, "rawPath": path, "rawQueryString": query, "headers": headers,
            "isBase64Encoded": false,
            "requestContext": [
                "accountId": "000000000000", "apiId": "bench", "domainName": "api.chronoview.test",
                "domainPrefix": "api", "requestId": UUID().uuidString, "routeKey": routeKey, "stage": "$default",
                "time": "25/Nov/2026:12:00:00 +0000", "timeEpoch": Int64(Date().timeIntervalSince1970 * 1000),
                "http": [
                    "method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                    "userAgent": "chronoview-bench",
                ],
            ] as [String: Any],
        ]
        if !query.isEmpty {
            var parameters: [String: String] = [:]
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                parameters[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            event["queryStringParameters"] = parameters
        }
        if let body { event["body"] = body }
        return Array((try? JSONSerialization.data(withJSONObject: event)) ?? Data())
    }

    /// The status code and the decoded JSON body of a function's API Gateway response.
    static func parseResponse(_ bytes: [UInt8]) -> (status: Int, json: [String: Any]?) {
        guard let outer = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return (0, nil)
        }
        let status = (outer["statusCode"] as? Int) ?? 0
        guard let body = outer["body"] as? String, let data = body.data(using: .utf8) else { return (status, nil) }
        return (status, try? JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
