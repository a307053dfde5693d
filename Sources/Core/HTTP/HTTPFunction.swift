import LambdaEvents
import Runtime

/// A Lambda handler that serves API routes: it picks the endpoint by the route API Gateway
/// matched, and turns every outcome, errors included, into an HTTP response with `x-request-id`.
public struct HTTPFunction: LambdaHandler {
    /// Endpoints by route key (`GET /api/me`), exactly as `template.yaml` declares the routes.
    public let routes: [String: Endpoint]

    public init(routes: [String: Endpoint]) {
        self.routes = routes
    }

    public func handle(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
        let request = HTTPRequest(event: event)
        let response: HTTPResponse
        do {
            guard let endpoint = routes[event.routeKey] else { throw APIError.notFound }
            response = try await endpoint.respond(request, context)
        } catch {
            response = .problem(APIError(mapping: error, logger: context.logger))
        }
        return response.apiGatewayResponse(requestID: event.requestContext.requestId)
    }
}
