import Logging
import NIOCore
import NIOPosix
import Postgres

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// ChronoView's PostgreSQL: one pool of libpq sessions per execution environment, reused by
/// every invocation.
///
/// Every operation is bounded by ``timeout`` so that a database outage turns into a prompt 503
/// instead of an invocation waiting out its deadline. The bound is the deadline of each wait
/// on the socket (see `PostgresConnection`), so nothing here waits with `Task.sleep` once per
/// operation: a cancelled sleep keeps its task and timer allocated until its original deadline
/// (swiftlang/swift#60441), and an environment's memory would grow with its request rate.
public struct Database: Sendable {
    /// The longest any operation may take before it fails with ``DatabaseUnavailable``.
    public let timeout: Duration
    let logger: Logger
    private let pool: ConnectionPool

    /// Makes the pool; ``run()`` opens its sessions in the background of the cold start.
    ///
    /// With IAM authentication (``DatabaseSettings/iamAuthentication``) each session signs in
    /// with a token, made anew once the last one's lifetime has passed.
    ///
    /// - Parameter threadPool: where the sessions wait for the server; `nil`, the calling
    ///   thread, suits a function (see `PostgresConnection`), a pool suits a busy process.
    public init(
        settings: DatabaseSettings, timeout: Duration, eventLoopGroup: any EventLoopGroup,
        waitingOn threadPool: NIOThreadPool? = nil, logger: Logger
    ) throws {
        try self.init(
            settings: settings, password: try DatabasePassword(settings: settings), timeout: timeout,
            eventLoopGroup: eventLoopGroup, waitingOn: threadPool, logger: logger)
    }

    /// - Parameter now: the wall clock that passwords expire by.
    init(
        settings: DatabaseSettings, password: DatabasePassword, timeout: Duration,
        now: @escaping @Sendable () -> Date = { Date() }, eventLoopGroup: any EventLoopGroup,
        waitingOn threadPool: NIOThreadPool? = nil, logger: Logger
    ) throws {
        let connector = DatabaseConnector(settings: settings, password: password, threadPool: threadPool, now: now)
        self.timeout = timeout
        self.logger = logger
        self.pool = ConnectionPool(capacity: settings.poolSize, eventLoop: eventLoopGroup.any()) {
            deadline async throws(PostgresError) in try await connector.connect(until: deadline)
        }
    }

    /// Opens the pool's sessions, then keeps them until the calling task is cancelled, when it
    /// closes them.
    public func run() async {
        do {
            // Opening a session blocks the thread that opens it, and a function's tasks run on its
            // one event loop, which must send the first GET /next meanwhile: the cold start
            // would wait for the database. Opened on Swift's global executor instead, it runs
            // beside that request; an invocation that comes first waits in line for it.
            try await withTaskExecutorPreference(globalConcurrentExecutor) {
                try await pool.prewarm(until: .now() + TimeAmount(timeout))
            }
        } catch {
            logger.debug(
                "database session not opened ahead of the first request",
                metadata: ["reason": "\(error)"])
        }
        let (stopped, stop) = AsyncStream<Never>.makeStream()
        await withTaskCancellationHandler {
            for await _ in stopped {}
        } onCancel: {
            stop.finish()
        }
        pool.shutDown()
    }

    /// Runs `body` on a pooled session.
    public func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await bounded(by: timeout, body)
    }

    /// Runs `body` on a pooled session with a budget of its own, for the rare operation that
    /// is expected to take long (migrations queueing on another runner's lock).
    func withConnection<Result: Sendable>(
        timeout: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await bounded(by: timeout, body)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func withTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let (logger, timeout) = (self.logger, self.timeout)
        return try await bounded(by: timeout) { connection in
            do {
                return try await connection.withTransaction(logger: logger) { try await body($0) }
            } catch let failed as PostgresCommitError {
                if let error = failed.underlying as? PostgresError, error.kind == .timedOut {
                    throw DatabaseUnavailable(.timedOut(timeout))
                }
                if DatabaseFailureClassifier.isOutage(failed.underlying) {
                    // The COMMIT may have landed before the connection went: running the
                    // transaction again could apply it twice, so this one is not retried.
                    throw DatabaseUnavailable(.lostDuringCommit, underlying: failed.underlying)
                }
                throw failed.underlying
            }
        }
    }

    /// Runs `body` on a leased session, giving up after `timeout` with ``DatabaseUnavailable``;
    /// outages become that error too.
    ///
    /// A pooled session can be dead when it is leased: the server restarted, or ended the
    /// session while the environment was frozen. `body` then runs once more on a fresh
    /// session, within the same time budget, rather than failing a request that the database
    /// could answer. That is safe because a lost session committed nothing of an unfinished
    /// transaction, a `withConnection` body writes with one statement at most, and a COMMIT
    /// whose answer was lost is not retried (see ``withTransaction(_:)``). A session that
    /// cannot be opened is not retried either: that is an outage.
    private func bounded<Result: Sendable>(
        by timeout: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        do {
            do {
                return try await attempt(body, until: deadline)
            } catch let lost as SessionLost where NIODeadline.now() < deadline {
                logger.debug(
                    "database session lost, running once more on a fresh session",
                    metadata: ["reason": "\(lost.underlying)"])
                return try await attempt(body, until: deadline)
            }
        } catch let lost as SessionLost {
            throw DatabaseUnavailable(.outage, underlying: lost.underlying)
        } catch let error as PostgresError where error.kind == .timedOut {
            throw DatabaseUnavailable(.timedOut(timeout))
        } catch let error where DatabaseFailureClassifier.isOutage(error) {
            if error is DatabaseUnavailable { throw error }
            throw DatabaseUnavailable(.outage, underlying: error)
        }
    }

    /// The session of a leased connection went away while `body` used it.
    private struct SessionLost: Error {
        var underlying: any Error
    }

    /// Runs `body` once on a leased session, until `deadline` at most. A session that can no
    /// longer serve (lost, or closed at the deadline) is closed as it goes back.
    private func attempt<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result,
        until deadline: NIODeadline
    ) async throws -> Result {
        let session = try await pool.lease(until: deadline)
        session.deadline = deadline
        do {
            let result = try await body(session)
            pool.release(session)
            return result
        } catch {
            pool.release(session)
            if DatabaseFailureClassifier.isLostSession(error) { throw SessionLost(underlying: error) }
            throw error
        }
    }
}
