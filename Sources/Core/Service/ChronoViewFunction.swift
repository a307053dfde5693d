import Logging
import Runtime
import Synchronization

/// The Lambda handler of every ChronoView API function: its routes over the shared services.
/// An invocation that finds the services impossible to build (a secret not readable yet) gets a
/// 503, and the next invocation tries again.
public final class ChronoViewFunction: LambdaHandler {
    public typealias Routes = @Sendable (ChronoViewServices) -> [String: HTTPFunction.Endpoint]

    private let bootstrap: ServicesBootstrap
    private let routes: Routes
    private let function: Mutex<HTTPFunction?>

    /// - Parameter usesTokens: false for functions that never see an access token (they need no key).
    public init(
        _ context: LambdaInitializationContext,
        environment: EnvironmentVariables = .process,
        usesTokens: Bool = true,
        routes: @escaping Routes
    ) async throws {
        bootstrap = try await ServicesBootstrap(context, environment: environment, usesTokens: usesTokens)
        self.routes = routes
        function = Mutex(nil)
    }

    public func handle(_ event: APIGatewayV2Request, context: LambdaContext) async -> APIGatewayV2Response {
        if let function = function.withLock({ $0 }) {
            return await function.handle(event, context: context)
        }
        do {
            let built = HTTPFunction(routes: routes(try await bootstrap.services(logger: context.logger)))
            function.withLock { $0 = built }
            return await built.handle(event, context: context)
        } catch {
            context.logger.error("could not initialise the function", metadata: ["error": "\(error)"])
            return HTTPResponse.problem(.unavailable(retryAfterSeconds: 1))
                .apiGatewayResponse(requestID: event.requestContext.requestId)
        }
    }
}
