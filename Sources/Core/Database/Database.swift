import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ChronoView's PostgreSQL: one `PostgresClient` per execution environment, reused by every invocation
/// (and replaced by a fresh one when its IAM token expires).
///
/// Every operation is bounded by ``timeout`` so that a database outage turns into a prompt 503
/// instead of an invocation waiting out its deadline on the pool's reconnection back-off.
///
/// Nothing here may wait with `Task.sleep` once per operation: a cancelled sleep keeps its task
/// and timer allocated until its original deadline (swiftlang/swift#60441), about 700 bytes per
/// operation, so an environment's memory would grow with its request rate times that deadline.
public struct Database: Sendable {
    /// The client operations lease from now; replaced when its password expires (see ``ClientRotation``).
    public var client: PostgresClient { clients.current() }
    /// The longest any operation may take before it fails with ``DatabaseUnavailable``.
    public let timeout: Duration
    let logger: Logger
    /// Where the timeouts' timers run; they are cancelled, and freed, when the operation ends first.
    let eventLoop: any EventLoop
    private let clients: ClientRotation

    /// Makes the clients; they serve once ``run()`` runs (in the background).
    ///
    /// With IAM authentication (``DatabaseSettings/iamAuthentication``) each client signs in with
    /// a token made when the client is, and gives way to a new one before the token expires.
    public init(settings: DatabaseSettings, timeout: Duration, eventLoopGroup: any EventLoopGroup, logger: Logger)
        throws
    {
        try self.init(
            settings: settings, password: try DatabasePassword(settings: settings), timeout: timeout,
            eventLoopGroup: eventLoopGroup, logger: logger)
    }

    /// - Parameters:
    ///   - grace: how long a retired client keeps running; ``timeout`` by default, the longest
    ///     an operation already on it may take.
    ///   - now: the wall clock that passwords expire by.
    init(
        settings: DatabaseSettings, password: DatabasePassword, timeout: Duration, grace: Duration? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, eventLoopGroup: any EventLoopGroup, logger: Logger
    ) throws {
        let tls = try Self.tls(for: settings)
        self.timeout = timeout
        self.logger = logger
        self.eventLoop = eventLoopGroup.any()
        self.clients = ClientRotation(lifetime: password.lifetime, grace: grace ?? timeout, now: now) {
            PostgresClient(
                configuration: Self.configuration(settings, password: password.make(), tls: tls),
                eventLoopGroup: eventLoopGroup, backgroundLogger: logger)
        }
    }

    /// Runs the clients' connection pools until the calling task is cancelled.
    public func run() async {
        await clients.run()
    }

    private static func configuration(
        _ settings: DatabaseSettings, password: String?, tls: PostgresClient.Configuration.TLS
    )
        -> PostgresClient.Configuration
    {
        var configuration: PostgresClient.Configuration
        switch settings.endpoint {
        case .tcp(let host, let port):
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: settings.username, password: password,
                database: settings.database, tls: tls)
        case .unixSocket(let path):
            configuration = PostgresClient.Configuration(
                unixSocketPath: path, username: settings.username, password: password,
                database: settings.database)
        }
        // The pool re-arms a connection's idle timer, a `Task.sleep` of `connectionIdleTimeout`,
        // every time a connection beyond the minimum is given back, and cancels it on the next
        // lease: with a minimum of 0 every operation left a cancelled 5-minute sleep behind (see
        // above), ~700 bytes per operation for 5 minutes. Connections up to the minimum have no
        // idle timer, so the pool's connections are all minimum ones. The pool then opens them
        // as soon as it runs, in the background of the cold start, and reopens one that closes.
        configuration.options.minimumConnections = settings.poolSize
        configuration.options.maximumConnections = settings.poolSize
        configuration.options.connectTimeout = .seconds(3)
        // A thawed environment finds out about a dead socket on its next use, not by pinging.
        configuration.options.keepAliveBehavior = nil
        if let name = settings.applicationName {
            configuration.options.additionalStartupParameters = [("application_name", name)]
        }
        return configuration
    }

    private static func tls(for settings: DatabaseSettings) throws -> PostgresClient.Configuration.TLS {
        switch settings.tlsMode {
        case .disable:
            return .disable
        case .prefer:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            // libpq's `require` encrypts without verifying the server's certificate.
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyFull:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .fullVerification
            if let path = settings.rootCertificatePath {
                tls.trustRoots = .file(path)
            }
            return .require(tls)
        }
    }

    /// Runs `body` on a pooled connection.
    public func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await bounded(body)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func withTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        return try await bounded { connection in
            do {
                return try await connection.withTransaction(logger: logger) { try await body($0) }
            } catch let error as PostgresTransactionError {
                if let commitError = error.commitError, DatabaseFailureClassifier.isOutage(commitError) {
                    // The COMMIT may have landed before the connection went: running the
                    // transaction again could apply it twice, so this one is not retried.
                    throw DatabaseUnavailable(.lostDuringCommit, underlying: commitError)
                }
                // postgres-nio wraps whatever went wrong; callers map the error itself (a lost
                // connection is an outage, an APIError is the client's answer).
                throw error.closureError ?? error.beginError ?? error.commitError ?? error
            }
        }
    }

    /// Runs `body` on a leased connection, giving up after ``timeout`` with ``DatabaseUnavailable``;
    /// outages become that error too.
    ///
    /// A pooled connection can be dead when it is leased: the server restarted, or ended the
    /// session while the environment was frozen. `body` then runs once more on a fresh
    /// connection, within the same time budget, rather than failing a request that the
    /// database could answer. That is safe because a lost session committed nothing of an
    /// unfinished transaction, a `withConnection` body writes with one statement at most, and
    /// a COMMIT whose answer was lost is not retried (see ``withTransaction(_:)``). A
    /// connection that cannot be opened is not retried either: that is an outage.
    private func bounded<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        do {
            do {
                return try await attempt(body, until: deadline)
            } catch let lost as SessionLost where NIODeadline.now() < deadline {
                logger.debug(
                    "database session lost, running once more on a fresh connection",
                    metadata: ["reason": "\(DatabaseFailureClassifier.summary(of: lost.underlying))"])
                return try await attempt(body, until: deadline)
            }
        } catch let lost as SessionLost {
            throw DatabaseUnavailable(.outage, underlying: lost.underlying)
        } catch let error where DatabaseFailureClassifier.isOutage(error) {
            if error is DatabaseUnavailable { throw error }
            throw DatabaseUnavailable(.outage, underlying: error)
        }
    }

    /// The session of a leased connection went away while `body` used it.
    private struct SessionLost: Error {
        var underlying: any Error
    }

    /// Runs `body` once, until `deadline` at most.
    ///
    /// A query in flight does not end when its task is cancelled, so at the deadline the
    /// connection is closed under it: the query fails at once, the pool drops the connection,
    /// and the next request starts on a fresh one instead of queueing behind a dead socket.
    private func attempt<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result,
        until deadline: NIODeadline
    ) async throws -> Result {
        let timeout = self.timeout
        let client = self.client
        let eventLoop = self.eventLoop
        let leased = LeasedConnection()
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await client.withConnection { connection in
                    leased.hold(connection)
                    defer { leased.release() }
                    do {
                        return try await body(connection)
                    } catch let error where DatabaseFailureClassifier.isLostSession(error) {
                        // Closed before it goes back, or the pool could lease it again before
                        // its event loop has seen the socket end.
                        try? await connection.close()
                        throw SessionLost(underlying: error)
                    }
                }
            }
            group.addTask {
                try await eventLoop.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                try? await leased.close()
                throw DatabaseUnavailable(.timedOut(timeout))
            }
            return result
        }
    }
}
