import LambdaEvents
import Logging
import Runtime

/// The `Realtime` function behind the WebSocket API's `$connect`, `$default` and `$disconnect`
/// routes, the schedule that sweeps stale connections, and `Push`'s report of gone ones.
///
/// `$connect` checks the access token of the handshake's `token` query parameter and refuses
/// the connection with the problem's status (401) when it is missing, invalid or expired.
/// `$default` answers through the route response: the client's subscriptions, or an error frame
/// that leaves the connection open.
public struct RealtimeHandler: LambdaHandler {
    /// API Gateway ends every connection within 2 hours; a row older than that is stale.
    static let maximumConnectionAge = Duration.seconds(2 * 60 * 60)
    /// Open connections a user may have at once: a few devices and tabs, and no way for one
    /// account to multiply the pushes (and their bill) by thousands.
    static let maximumConnectionsPerUser = 10

    let bootstrap: ServicesBootstrap<ChronoViewServices>

    public init(_ context: LambdaInitializationContext, environment: EnvironmentVariables = .process) async throws {
        bootstrap = try await ServicesBootstrap(context, environment: environment, tokens: .verifier) { $0 }
    }

    public func handle(_ event: RealtimeEvent, context: LambdaContext) async throws -> APIGatewayWebSocketResponse {
        let services: ChronoViewServices
        do {
            services = try await bootstrap.value(logger: context.logger)
        } catch {
            // A handshake is refused with a 503 that says to try again, rather than a 500.
            guard case .webSocket(let request) = event, request.requestContext.eventType == .connect else {
                throw error
            }
            context.logger.error("services unavailable", metadata: ["error": "\(error)"])
            let response = HTTPResponse.problem(.unavailable(retryAfterSeconds: 5))
            return APIGatewayWebSocketResponse(
                statusCode: response.status, headers: response.headers, body: response.body)
        }
        switch event {
        case .sweep:
            let swept = try await services.database.withConnection { connection in
                try await ConnectionStore.sweep(
                    olderThan: Self.maximumConnectionAge, on: connection, logger: context.logger)
            }
            context.logger.info("swept stale connections", metadata: ["count": "\(swept)"])
            return APIGatewayWebSocketResponse(statusCode: 200)
        case .forget(let ids):
            try await services.database.withConnection { connection in
                try await ConnectionStore.close(ids, on: connection, logger: context.logger)
            }
            return APIGatewayWebSocketResponse(statusCode: 200)
        case .webSocket(let request):
            var logger = context.logger
            logger[metadataKey: "connectionId"] = "\(request.requestContext.connectionId)"
            switch request.requestContext.eventType {
            case .connect: return await connect(request, services: services, logger: logger)
            case .message: return await message(request, services: services, logger: logger)
            case .disconnect: return try await disconnect(request, services: services, logger: logger)
            }
        }
    }

    private func connect(_ request: APIGatewayWebSocketRequest, services: ChronoViewServices, logger: Logger) async
        -> APIGatewayWebSocketResponse
    {
        let id = request.requestContext.connectionId
        do {
            guard let token = request.queryStringParameters?["token"], !token.isEmpty else {
                throw APIError.unauthorized(tokenSent: false)
            }
            let user = try await services.accounts.authenticate(token, logger: logger)
            let opened = try await services.database.withConnection { connection in
                try await ConnectionStore.open(
                    id, user: user.id, limit: Self.maximumConnectionsPerUser, on: connection, logger: logger)
            }
            guard opened else {
                throw APIError.limitReached("at most \(Self.maximumConnectionsPerUser) realtime connections a user")
            }
            return APIGatewayWebSocketResponse(statusCode: 200)
        } catch {
            let response = HTTPResponse.problem(APIError(mapping: error, logger: logger))
            return APIGatewayWebSocketResponse(
                statusCode: response.status, headers: response.headers, body: response.body)
        }
    }

    private func message(_ request: APIGatewayWebSocketRequest, services: ChronoViewServices, logger: Logger) async
        -> APIGatewayWebSocketResponse
    {
        let reply: RealtimeReply
        do {
            reply = try await answer(request, services: services, logger: logger)
        } catch let error as FieldError {
            reply = .validationFailed(error)
        } catch {
            let problem = APIError(mapping: error, logger: logger).problem.details
            reply = .error(code: problem.code, message: problem.detail)
        }
        return APIGatewayWebSocketResponse(statusCode: 200, body: (try? JSONCoding.text(of: reply)) ?? "{}")
    }

    private func answer(_ request: APIGatewayWebSocketRequest, services: ChronoViewServices, logger: Logger)
        async throws -> RealtimeReply
    {
        guard request.isBase64Encoded == false, let text = request.body else {
            throw FieldError(field: "body", code: "invalid", message: "must be a JSON text frame")
        }
        let message = try RealtimeRequest(text: text)
        let id = request.requestContext.connectionId
        return try await services.database.withTransaction { connection in
            guard let current = try await ConnectionStore.symbols(of: id, on: connection, logger: logger) else {
                // Swept, or its `$connect` row was never written: only a new connection is known.
                throw APIError.unauthorized(tokenSent: true)
            }
            var symbols = current
            switch message.action {
            case .subscribe:
                symbols += message.symbols.filter { !current.contains($0) }
                guard symbols.count <= RealtimeRequest.maximumSymbols else {
                    throw FieldError(
                        field: "symbols", code: "too_long",
                        message: "a connection subscribes to at most \(RealtimeRequest.maximumSymbols) symbols")
                }
            case .unsubscribe:
                symbols.removeAll { message.symbols.contains($0) }
            }
            if symbols != current {
                try await ConnectionStore.setSymbols(symbols, of: id, on: connection, logger: logger)
            }
            return .subscribed(symbols)
        }
    }

    private func disconnect(_ request: APIGatewayWebSocketRequest, services: ChronoViewServices, logger: Logger)
        async throws -> APIGatewayWebSocketResponse
    {
        try await services.database.withConnection { connection in
            try await ConnectionStore.close([request.requestContext.connectionId], on: connection, logger: logger)
        }
        return APIGatewayWebSocketResponse(statusCode: 200)
    }
}
