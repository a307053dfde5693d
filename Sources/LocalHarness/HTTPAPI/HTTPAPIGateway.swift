import Foundation
import NIOCore
import Runtime

/// Plays API Gateway's part for one HTTP API: routes a request, builds the function's event,
/// invokes it through the local Lambda service, and maps its result to the client's response.
///
/// Independent of any HTTP server, so that its behaviour can be checked request by request.
public struct HTTPAPIGateway: Sendable {
    public var routes: RouteTable
    public var cors: CORSConfiguration?
    /// The routes' throttling; `nil` admits every request.
    public var throttle: RouteThrottle?
    public var invoker: any FunctionInvoker
    public var eventBuilder: RequestEventBuilder
    /// The OpenAPI document served at `GET /api/openapi.yaml`; read at each request so that
    /// edits show without a restart. `nil` serves none.
    public var openAPIDocumentPath: String?
    /// Receives one entry per request.
    public var log: @Sendable (RequestLogEntry) -> Void

    /// Where the OpenAPI document is served.
    public static let openAPIDocumentRoute = "/api/openapi.yaml"

    public init(
        routes: RouteTable,
        cors: CORSConfiguration? = nil,
        throttle: RouteThrottle? = nil,
        invoker: any FunctionInvoker,
        eventBuilder: RequestEventBuilder = RequestEventBuilder(),
        openAPIDocumentPath: String? = nil,
        log: @escaping @Sendable (RequestLogEntry) -> Void = { _ in }
    ) {
        self.routes = routes
        self.cors = cors
        self.throttle = throttle
        self.invoker = invoker
        self.eventBuilder = eventBuilder
        self.openAPIDocumentPath = openAPIDocumentPath
        self.log = log
    }

    /// Answers one request as API Gateway would.
    public func respond(to request: GatewayRequest) async -> GatewayResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let time = RequestTime.now()
        let requestID = GatewayRequestID.make()
        var entry = RequestLogEntry(
            method: request.method, path: request.rawPath, functionName: nil, status: 0, duration: .zero,
            requestID: requestID)

        var response = await route(request, requestID: requestID, time: time, entry: &entry)
        // API Gateway names its request id on every response, its own errors included.
        response.headers.remove("apigw-requestid")
        response.headers.append("apigw-requestid", requestID)

        entry.status = response.status
        entry.duration = clock.now - start
        log(entry)
        return response
    }

    private func route(
        _ request: GatewayRequest, requestID: String, time: RequestTime, entry: inout RequestLogEntry
    ) async -> GatewayResponse {
        if let cors, CORSConfiguration.isPreflight(method: request.method, headers: request.headers) {
            return GatewayResponse(
                status: 204, headers: HTTPHeaderList(cors.preflightResponse(headers: request.headers)))
        }
        if request.method == "GET", request.rawPath == Self.openAPIDocumentRoute, let document = openAPIDocument() {
            return withCORS(
                GatewayResponse(status: 200, headers: [("content-type", "application/yaml")], body: document),
                for: request)
        }
        guard let match = routes.match(method: request.method, rawPath: request.rawPath) else {
            return .notFound
        }
        entry.functionName = match.route.functionName
        if let throttle, !throttle.admit(match.route.key) {
            entry.problem = "throttled: over the route's burst or rate limit"
            return withCORS(.tooManyRequests, for: request)
        }
        let event = eventBuilder.event(for: request, match: match, requestID: requestID, time: time)
        let payload: ByteBuffer
        do {
            payload = try IntegrationPayload.encode(event)
        } catch {
            entry.problem = "the event could not be encoded: \(error)"
            return .internalServerError
        }

        let result: InvocationResult
        switch await invoker.invoke(match.route.functionName, payload: payload, within: match.route.integrationTimeout)
        {
        case .finished(let finished):
            result = finished
        case .timedOut:
            entry.problem = "no response within the integration timeout of \(match.route.integrationTimeout)"
            return withCORS(.serviceUnavailable, for: request)
        case .failed(let error):
            entry.problem = "the invocation failed: \(error)"
            return withCORS(.internalServerError, for: request)
        }
        entry.initDuration = result.report.initDuration
        switch IntegrationResponseMapper.response(for: result.outcome) {
        case .success(let response):
            return withCORS(response, for: request)
        case .failure(let malformed):
            entry.problem = malformed.description
            if case .functionError("RequestEntityTooLarge", _) = result.outcome {
                // Lambda refused the event itself: over its 6 MB limit for a synchronous invocation.
                return withCORS(.requestEntityTooLarge, for: request)
            }
            return withCORS(.internalServerError, for: request)
        }
    }

    /// With CORS configured, API Gateway replaces whatever CORS headers the function set with its own.
    private func withCORS(_ response: GatewayResponse, for request: GatewayRequest) -> GatewayResponse {
        guard let cors else { return response }
        var response = response
        response.headers.fields.removeAll { $0.name.lowercased().hasPrefix("access-control-") }
        response.headers.fields += cors.responseHeaders(origin: request.headers["origin"])
        return response
    }

    private func openAPIDocument() -> [UInt8]? {
        guard let openAPIDocumentPath, let data = FileManager.default.contents(atPath: openAPIDocumentPath) else {
            return nil
        }
        return Array(data)
    }
}
