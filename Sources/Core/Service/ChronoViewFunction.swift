import LambdaEvents
import Logging
import Runtime

/// The Lambda handler of every ChronoView API function: its routes over the shared services.
/// An invocation that finds the services impossible to build (a secret not readable yet) gets a
/// 503, and the next invocation tries again.
public struct ChronoViewFunction: LambdaHandler {
    private let bootstrap: ServicesBootstrap<HTTPFunction>

    public init(
        _ context: LambdaInitializationContext,
        serving function: APIFunction,
        environment: EnvironmentVariables = .process
    ) async throws {
        bootstrap = try await ServicesBootstrap(context, environment: environment, usesTokens: function.usesTokens) {
            HTTPFunction(routes: function.routes($0))
        }
    }

    public func handle(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
        let function: HTTPFunction
        do {
            function = try await bootstrap.value(logger: context.logger)
        } catch {
            context.logger.error("could not initialise the function", metadata: ["error": "\(error)"])
            return HTTPResponse.problem(.unavailable(retryAfterSeconds: 1))
                .apiGatewayResponse(requestID: event.requestContext.requestId)
        }
        return await function.handle(event, context: context)
    }
}
