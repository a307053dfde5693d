import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on a free port of 127.0.0.1, for tests that play a service a program talks
/// to (a Runtime API that misbehaves, say); every connection gets its own handler.
public enum LoopbackHTTPServer {
    public static func start(
        _ makeHandler: @escaping @Sendable () -> any ChannelInboundHandler
    ) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(makeHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }
}
