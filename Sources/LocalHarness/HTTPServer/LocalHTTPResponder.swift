/// What a ``LocalHTTPServer`` hands its requests to: the emulated service behind the port.
protocol LocalHTTPResponder: Sendable {
    /// The largest request body the service takes. A larger one is read and dropped unseen,
    /// so that the client, still sending, gets its answer rather than a reset connection.
    var maximumBodySize: Int { get }

    /// Answers a request whose body is within ``maximumBodySize``.
    func respond(to request: GatewayRequest) async -> GatewayResponse

    /// Answers a request whose body was over ``maximumBodySize``; `request` comes without it.
    /// - Parameter bodySize: how many bytes the body had, as far as they were read.
    func respondToOversizedRequest(_ request: GatewayRequest, bodySize: Int) async -> GatewayResponse
}
