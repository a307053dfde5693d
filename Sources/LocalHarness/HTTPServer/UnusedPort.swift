import NIOCore
import NIOPosix

/// A port of 127.0.0.1 that nothing listens on right now: bound and closed again. For a server
/// whose address must be known before it can be started (the functions' environment names the
/// Invoke API), and for a client pointed at a service that is gone.
public enum UnusedPort {
    public static func find() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw NoPort() }
        return port
    }

    struct NoPort: Error, CustomStringConvertible {
        var description: String { "the bound socket has no port" }
    }
}
