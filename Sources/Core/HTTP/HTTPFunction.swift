import LambdaEvents
import Runtime

/// A Lambda handler that serves API routes: it picks the endpoint by the route API Gateway
/// matched, and turns every outcome, errors included, into an HTTP response with `x-request-id`.
public struct HTTPFunction: LambdaHandler {
    /// Endpoints by route key (`GET /api/me`), exactly as `template.yaml` declares the routes.
    public let routes: [String: Endpoint]
    /// Whether the request came through CloudFront, checked before anything else.
    public let originVerification: OriginVerification

    /// - Parameter originVerification: by default configured from the process environment
    ///   (`ORIGIN_VERIFY_SECRET_ARN`), so that every HTTP function checks the origin header.
    public init(routes: [String: Endpoint], originVerification: OriginVerification = OriginVerification()) {
        self.routes = routes
        self.originVerification = originVerification
    }

    public func handle(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
        // First of all: a request that skipped CloudFront reaches no endpoint, token or database.
        if let refusal = await originVerification.refusal(
            for: event, logger: context.logger, eventLoop: context.eventLoop)
        {
            return HTTPResponse.problem(refusal).apiGatewayResponse(requestID: event.requestContext.requestId)
        }
        return await route(event, context: context)
    }

    /// Serves a request whose origin was already checked: the endpoint of its route key.
    func route(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
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
