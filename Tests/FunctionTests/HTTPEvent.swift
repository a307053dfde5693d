import Foundation
import NIOCore

/// An API Gateway HTTP API event (payload format 2.0), as the local HTTP API would send it.
struct HTTPEvent {
    var method: String
    var route: String
    var path: String?
    var pathParameters: [String: String]?
    var headers: [String: String] = [:]
    var body: String?

    var payload: ByteBuffer {
        let path = self.path ?? route
        var headers = self.headers
        headers["content-type"] = headers["content-type"] ?? "application/json"
        var event: [String: Any] = [
            "version": "2.0", "routeKey": "\(method) \(route)", "rawPath": path, "rawQueryString": "",
            "headers": headers, "isBase64Encoded": false,
            "requestContext": [
                "accountId": "123456789012", "apiId": "local", "domainName": "127.0.0.1", "domainPrefix": "127",
                "http": [
                    "method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                    "userAgent": "function-tests",
                ],
                "requestId": UUID().uuidString, "routeKey": "\(method) \(route)", "stage": "$default",
                "time": "25/Nov/2026:13:00:00 +0000", "timeEpoch": 1_795_000_000_000,
            ] as [String: Any],
        ]
        if let body { event["body"] = body }
        if let pathParameters { event["pathParameters"] = pathParameters }
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: event))
    }
}

/// A function's API Gateway response, read back from the invocation's payload.
struct HTTPResult {
    var statusCode: Int
    var headers: [String: String]
    var json: [String: Any]

    init(_ payload: ByteBuffer) throws {
        let object = try JSONSerialization.jsonObject(with: Data(payload.readableBytesView)) as? [String: Any] ?? [:]
        statusCode = object["statusCode"] as? Int ?? 0
        headers = object["headers"] as? [String: String] ?? [:]
        let body = (object["body"] as? String) ?? ""
        json = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }
}
