import Core
import Foundation
import LambdaEvents
import Logging
import NIOPosix
import Runtime

/// Builds API Gateway events the way the HTTP API would deliver them, and runs them through a
/// function's route table, so that tests exercise the HTTP mapping too.
struct TestRequest {
    var method: String
    /// The route as the template declares it (`/api/charts/{id}`).
    var route: String
    /// The concrete path (`/api/charts/0193...`); the route when omitted.
    var path: String?
    var pathParameters: [String: String]?
    var query: [String: String]?
    var headers: [String: String] = [:]
    var body: String?

    init(
        _ method: String, _ route: String, path: String? = nil, pathParameters: [String: String]? = nil,
        query: [String: String]? = nil, headers: [String: String] = [:], body: String? = nil
    ) {
        self.method = method
        self.route = route
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Sets `authorization: Bearer <token>`.
    func bearer(_ token: String) -> TestRequest {
        var copy = self
        copy.headers["authorization"] = "Bearer \(token)"
        return copy
    }

    var event: APIGatewayV2Request {
        let requestID = UUID().uuidString
        let path = self.path ?? route
        let queryString = (query ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
            separator: "&")
        var headers = self.headers
        if let body, headers["content-length"] == nil { headers["content-length"] = String(body.utf8.count) }
        return APIGatewayV2Request(
            routeKey: "\(method) \(route)",
            rawPath: path,
            rawQueryString: queryString,
            headers: headers,
            queryStringParameters: query,
            pathParameters: pathParameters,
            requestContext: .init(
                accountId: "123456789012", apiId: "test", domainName: "test.local", domainPrefix: "test",
                http: .init(method: method, path: path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test"),
                requestId: requestID, routeKey: "\(method) \(route)", stage: "$default",
                time: "25/Nov/2026:13:00:00 +0000", timeEpoch: 1_795_000_000_000),
            body: body,
            isBase64Encoded: false
        )
    }

    /// Sends the request to `routes` as the function serving them would.
    func send(to routes: [String: Endpoint]) async -> TestResponse {
        let event = self.event
        let context = LambdaContext(
            metadata: InvocationMetadata(
                requestID: UUID().uuidString, deadlineMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 30_000,
                invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:test"),
            logger: Logger(label: "test"),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let response = await HTTPFunction(routes: routes).handle(event, context: context)
        return TestResponse(response: response, requestID: event.requestContext.requestId)
    }
}

/// A function's answer, with JSON access for assertions.
struct TestResponse {
    var response: APIGatewayV2Response
    var requestID: String

    var status: Int { response.statusCode }
    var body: String? { response.body }
    func header(_ name: String) -> String? { response.headers?[name] }

    /// The body as a JSON object (empty when there is none or it is not an object).
    var json: [String: Any] {
        guard let body = response.body, let data = body.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            return [:]
        }
        return object
    }

    /// The problem's `code`, for error responses.
    var code: String? { json["code"] as? String }

    /// The fields named in a 422's `errors`.
    var errorFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
