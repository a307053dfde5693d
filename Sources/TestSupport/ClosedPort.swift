import NIOCore
import NIOPosix

/// A port of 127.0.0.1 that nothing listens on, for a program pointed at a service that is gone:
/// bound and closed again, so that connecting to it is refused at once.
public enum ClosedPort {
    public static func make() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw NoPort()
        }
        try await channel.close()
        return port
    }

    struct NoPort: Error, CustomStringConvertible {
        var description: String { "the bound socket has no port" }
    }
}
