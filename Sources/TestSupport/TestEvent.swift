import Foundation
import LambdaEvents
import LocalHarness
import NIOCore

/// A request to one route, as API Gateway hands it to the route's function: the one way tests
/// and benchmarks make events, built by the local HTTP API's own ``RequestEventBuilder`` so that
/// they carry what API Gateway adds (forwarding headers, trace id, the length, the encoding).
public struct TestEvent: Sendable {
    public var method: String
    /// The route as the template declares it (`/api/charts/{id}`).
    public var route: String
    /// The concrete path; the route with `pathParameters` filled in when omitted.
    public var path: String?
    public var pathParameters: [String: String]
    /// Query parameters, sent in key order; values are sent as given.
    public var query: [String: String]
    public var headers: [String: String]
    public var body: String?

    public init(
        _ method: String, _ route: String, path: String? = nil, pathParameters: [String: String] = [:],
        query: [String: String] = [:], headers: [String: String] = [:], body: String? = nil
    ) {
        self.method = method
        self.route = route
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The same request with `authorization: Bearer <token>`.
    public func bearer(_ token: String) -> TestEvent {
        var copy = self
        copy.headers["authorization"] = "Bearer \(token)"
        return copy
    }

    /// The route key the function looks its endpoint up by.
    public var routeKey: String { "\(method.uppercased()) \(route)" }

    /// The payload format 2.0 event.
    public var event: APIGatewayV2Request {
        let path =
            self.path
            ?? pathParameters.reduce(route) { route, parameter in
                route.replacingOccurrences(of: "{\(parameter.key)}", with: parameter.value)
            }
        let queryString = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
        var headers = self.headers
        if body != nil, headers["content-type"] == nil { headers["content-type"] = "application/json" }
        let request = GatewayRequest(
            method: method, target: queryString.isEmpty ? path : "\(path)?\(queryString)",
            headers: HTTPHeaderList(
                headers.sorted { $0.key < $1.key }.map { HTTPHeaderField(name: $0.key, value: $0.value) }),
            body: Array((body ?? "").utf8))
        // The route table's own matching decodes the path parameters, as API Gateway does; a
        // path the route does not match (a test's deliberate mismatch) keeps the given ones.
        let declared = Route(method: method, path: try! RoutePath(route), functionName: "test")
        let match =
            (try? RouteTable([declared]))?.match(method: request.method, rawPath: request.rawPath)
            ?? RouteTable.Match(route: declared, pathParameters: pathParameters)
        var event = RequestEventBuilder().event(
            for: request, match: match, requestID: UUID().uuidString,
            time: RequestTime(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)))
        // A test may state a length the body does not have (a client's claim over the limit);
        // the builder would measure the body instead.
        if let declared = headers.first(where: { $0.key.lowercased() == "content-length" })?.value {
            event.headers["content-length"] = declared
        }
        return event
    }

    /// The event as the bytes Lambda delivers.
    public var bytes: [UInt8] {
        // Encoding a value of our own Codable type cannot fail.
        Array(try! JSONEncoder().encode(event))
    }

    /// The event as the local Lambda service takes an invocation's payload.
    public var payload: ByteBuffer { ByteBuffer(bytes: bytes) }
}
