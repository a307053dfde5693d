import AWSClients
import AsyncHTTPClient
import Logging
import NIOCore
import Synchronization

/// The one HTTP client of an execution environment for calls to AWS, made on first use and
/// never shut down: Lambda ends the process without notice, and the client must outlive every
/// invocation until then (and a client dropped unshut is a programming error to
/// AsyncHTTPClient).
enum OutboundHTTPClient {
    /// Requests to one host that may be in flight at once over HTTP/1.1 (AsyncHTTPClient's
    /// default is 8): the most `Push` sends at once (`PUSH_CONCURRENCY`'s range).
    static let connectionsPerHost = 1_000

    private static let shared = Mutex<HTTPExchange?>(nil)

    /// The environment's client; its first caller's event loop runs it.
    static func exchange(on eventLoop: any EventLoop, logger: Logger) -> HTTPExchange {
        shared.withLock { shared in
            if let shared { return shared }
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .seconds(2), read: .seconds(5))
            configuration.redirectConfiguration = .disallow
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
            let client = HTTPClient(
                eventLoopGroup: eventLoop, configuration: configuration, backgroundActivityLogger: logger)
            let exchange = HTTPExchange(client: client, eventLoop: eventLoop)
            shared = exchange
            return exchange
        }
    }
}
