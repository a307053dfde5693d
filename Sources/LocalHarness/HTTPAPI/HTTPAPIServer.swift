/// Serves an ``HTTPAPIGateway`` over HTTP/1.1 on a local address, as `sam local start-api` does.
///
/// Plain SwiftNIO, like the Runtime API server beside it: one task a connection, requests
/// answered in order, bodies collected up to API Gateway's payload quota.
public struct HTTPAPIServer: Sendable {
    public var gateway: HTTPAPIGateway
    /// The built app, served beside the API as the template's CloudFront distribution serves it;
    /// `nil` leaves every path to the gateway.
    public var site: StaticSite?
    public var host: String
    /// 0 picks a free port; the one bound is passed to `onListening`.
    public var port: Int

    /// API Gateway's payload quota for HTTP APIs: larger requests get 413 without reaching a function.
    public static let maximumPayloadSize = 10 * 1024 * 1024

    public init(gateway: HTTPAPIGateway, site: StaticSite? = nil, host: String = "127.0.0.1", port: Int = 3000) {
        self.gateway = gateway
        self.site = site
        self.host = host
        self.port = port
    }

    /// Listens until the calling task is cancelled, then closes the port and every connection.
    /// `onListening` receives the bound port once requests can be sent.
    public func run(onListening: @Sendable (Int) async -> Void = { _ in }) async throws {
        let server = LocalHTTPServer(responder: Responder(gateway: gateway, site: site), host: host, port: port)
        try await server.run(onListening: onListening)
    }

    /// API Gateway behind the port, and the app beside it: over the payload quota it answers for itself.
    private struct Responder: LocalHTTPResponder {
        var gateway: HTTPAPIGateway
        var site: StaticSite?

        var maximumBodySize: Int { HTTPAPIServer.maximumPayloadSize }

        func respond(to request: GatewayRequest) async -> GatewayResponse {
            if let site, !DistributionBehaviors.routesToAPI(request.rawPath) {
                return site.respond(to: request)
            }
            return await gateway.respond(to: request)
        }

        func respondToOversizedRequest(_ request: GatewayRequest, bodySize: Int) async -> GatewayResponse {
            .requestEntityTooLarge
        }
    }
}
