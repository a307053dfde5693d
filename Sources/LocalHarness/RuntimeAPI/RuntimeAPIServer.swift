import NIOCore
import NIOHTTP1
import NIOPosix

/// The server side of the Lambda Runtime API (2018-06-01) for every local execution environment.
///
/// One listener serves them all; each environment gets its own path prefix
/// (`AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>/<environment-id>`), which runtimes accept as
/// they accept Lambda's `host:port`.
final class RuntimeAPIServer: Sendable {
    let registry: EnvironmentRegistry
    let port: Int
    private let channel: any Channel

    private init(registry: EnvironmentRegistry, port: Int, channel: any Channel) {
        self.registry = registry
        self.port = port
        self.channel = channel
    }

    /// Listens on an ephemeral port of the loopback interface.
    static func start(group: any EventLoopGroup) async throws -> RuntimeAPIServer {
        let registry = EnvironmentRegistry()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Every response head is the server's own: validating it on each write buys nothing.
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withErrorHandling: true,
                        withOutboundHeaderValidation: false
                    )
                    try channel.pipeline.syncOperations.addHandler(RuntimeAPIConnectionHandler(registry: registry))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        return RuntimeAPIServer(registry: registry, port: port, channel: channel)
    }

    /// The value of `AWS_LAMBDA_RUNTIME_API` for the environment with this id.
    func endpoint(forEnvironment id: String) -> String {
        "127.0.0.1:\(port)/\(id)"
    }

    /// Stops listening. Connections of environments still alive end with their processes.
    func close() async {
        try? await channel.close()
    }

    /// Stops listening without waiting, for when the caller cannot wait.
    func closeNow() {
        channel.close(promise: nil)
    }
}
