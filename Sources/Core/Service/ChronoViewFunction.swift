import LambdaEvents
import Logging
import Runtime

/// The Lambda handler of every ChronoView API function: its routes over the shared services.
/// An invocation that finds the services impossible to build (a secret not readable yet) gets a
/// 503, and the next invocation tries again. A request that did not come through CloudFront is
/// refused before the services are even built (``OriginVerification``).
public struct ChronoViewFunction: LambdaHandler {
    private let bootstrap: ServicesBootstrap<HTTPFunction>
    private let originVerification: OriginVerification

    public init(
        _ context: LambdaInitializationContext,
        serving function: APIFunction,
        environment: EnvironmentVariables = .process
    ) async throws {
        let originVerification = OriginVerification(environment: environment)
        self.originVerification = originVerification
        bootstrap = try await ServicesBootstrap(context, environment: environment, tokens: function.tokenRole) {
            HTTPFunction(routes: function.routes($0), originVerification: originVerification)
        }
    }

    public func handle(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
        // Before the services (and the secrets they read); the routes then skip the check.
        if let refusal = await originVerification.refusal(
            for: event, logger: context.logger, eventLoop: context.eventLoop)
        {
            return HTTPResponse.problem(refusal).apiGatewayResponse(requestID: event.requestContext.requestId)
        }
        let function: HTTPFunction
        do {
            function = try await bootstrap.value(logger: context.logger)
        } catch {
            context.logger.error("could not initialise the function", metadata: ["error": "\(error)"])
            return HTTPResponse.problem(.unavailable(retryAfterSeconds: 1))
                .apiGatewayResponse(requestID: event.requestContext.requestId)
        }
        return await function.route(event, context: context)
    }
}
