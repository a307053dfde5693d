import Logging
import Runtime

/// One route's logic. Every route runs in the same order: the caller (for a route behind a
/// bearer token), then what it reads from the request (the body, validated, and path parameters),
/// then its work; so a request with neither a valid token nor a valid body is a 401, and a bad
/// body never reaches a service.
public struct Endpoint: Sendable {
    /// The route's request reader on its own, exactly as the route runs it before any service is
    /// touched: what it accepted, or the `APIError` the client gets. `nil` for a route that reads
    /// no body. The fuzz targets throw hostile bodies at every route through this.
    public let readRequest: (@Sendable (HTTPRequest) throws -> any Sendable)?
    let respond: @Sendable (HTTPRequest, LambdaContext) async throws -> HTTPResponse

    /// A route that reads no body.
    public init(_ respond: @escaping @Sendable (HTTPRequest, LambdaContext) async throws -> HTTPResponse) {
        readRequest = nil
        self.respond = respond
    }

    /// A route that reads its request: `read` first, then `respond` with what it read.
    public init<Body: Sendable>(
        reading read: @escaping @Sendable (HTTPRequest) throws -> Body,
        _ respond: @escaping @Sendable (Body, HTTPRequest, LambdaContext) async throws -> HTTPResponse
    ) {
        readRequest = { try read($0) }
        self.respond = { request, context in try await respond(try read(request), request, context) }
    }

    /// A route behind a bearer token that reads no body.
    public init(
        authenticatingWith services: ChronoViewServices,
        _ respond: @escaping @Sendable (User, HTTPRequest, LambdaContext) async throws -> HTTPResponse
    ) {
        readRequest = nil
        self.respond = { request, context in
            try await respond(try await services.authenticate(request, logger: context.logger), request, context)
        }
    }

    /// A route behind a bearer token that reads its request: the caller first, then `read`.
    public init<Body: Sendable>(
        authenticatingWith services: ChronoViewServices,
        reading read: @escaping @Sendable (HTTPRequest) throws -> Body,
        _ respond: @escaping @Sendable (User, Body, HTTPRequest, LambdaContext) async throws -> HTTPResponse
    ) {
        readRequest = { try read($0) }
        self.respond = { request, context in
            let user = try await services.authenticate(request, logger: context.logger)
            return try await respond(user, try read(request), request, context)
        }
    }
}
