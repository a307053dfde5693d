import PostgresNIO
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An environment's `PostgresClient`, replaced by a fresh one when the password it signs in with
/// expires.
///
/// A `PostgresClient` keeps the password it was made with and reopens a lost connection with it.
/// An RDS IAM token is a password that stops opening connections after 15 minutes (a connection
/// already open stays open), so a client older than its password's ``lifetime`` is retired on
/// the next lease and a new one, with a new token, takes its place. The retired client keeps
/// running for ``grace`` so that operations already on it finish.
///
/// Expiry is judged by the wall clock, as AWS judges the token: its 15 minutes count from the
/// date it was signed for, whatever the environment did meanwhile (Lambda freezes it between
/// invocations).
final class ClientRotation: Sendable {
    /// Makes a client signed in with a password made now.
    typealias MakeClient = @Sendable () -> PostgresClient

    private struct Generation {
        var client: PostgresClient
        var expiresAt: Date?
        var retirement: AsyncStream<Never>.Continuation
    }

    /// A client for ``run()`` to run until its retirement has been signalled and ``grace`` has passed.
    private struct Running: Sendable {
        var client: PostgresClient
        var retirement: AsyncStream<Never>
    }

    private let make: MakeClient
    private let lifetime: Duration?
    private let grace: Duration
    /// The wall clock (a test's own in tests).
    private let now: @Sendable () -> Date
    private let generation: Mutex<Generation>
    private let started: AsyncStream<Running>
    private let start: AsyncStream<Running>.Continuation

    /// - Parameters:
    ///   - lifetime: how long a client may open connections; `nil` for a password that never expires.
    ///   - grace: how long a retired client keeps running for the operations already on it.
    init(
        lifetime: Duration?, grace: Duration, now: @escaping @Sendable () -> Date = { Date() },
        make: @escaping MakeClient
    ) {
        self.make = make
        self.lifetime = lifetime
        self.grace = grace
        self.now = now
        (started, start) = AsyncStream.makeStream(of: Running.self)
        let first = make()
        let (retirement, retire) = AsyncStream.makeStream(of: Never.self)
        start.yield(Running(client: first, retirement: retirement))
        generation = Mutex(
            Generation(client: first, expiresAt: lifetime.map { now() + $0 / .seconds(1) }, retirement: retire))
    }

    /// The client to lease from: the current one, or a fresh one when the current one's
    /// password has expired.
    func current() -> PostgresClient {
        generation.withLock { generation in
            guard let expiresAt = generation.expiresAt, now() >= expiresAt else { return generation.client }
            let fresh = make()
            let (retirement, retire) = AsyncStream.makeStream(of: Never.self)
            start.yield(Running(client: fresh, retirement: retirement))
            generation.retirement.finish()
            generation = Generation(
                client: fresh, expiresAt: lifetime.map { now() + $0 / .seconds(1) }, retirement: retire)
            return fresh
        }
    }

    /// Runs every client until its retirement, and the current one until the calling task is cancelled.
    func run() async {
        let grace = self.grace
        await withDiscardingTaskGroup { group in
            for await running in started {
                group.addTask {
                    await withTaskGroup(of: Void.self) { lifetime in
                        lifetime.addTask { await running.client.run() }
                        lifetime.addTask {
                            for await _ in running.retirement {}
                            // Cancelled when the whole rotation stops: the client stops with it.
                            try? await Task.sleep(for: grace)
                        }
                        await lifetime.next()
                        lifetime.cancelAll()
                    }
                }
            }
        }
    }

}
