import Synchronization

/// The test server's connections, shared out among the suites that run at once.
///
/// Swift Testing runs every test in parallel, and each test's pool opens its connections as it
/// starts: left alone, the suites together ask for several times the server's
/// `max_connections`, and a passing run logs hundreds of "too many clients". A test takes the
/// connections it will open from here first, waiting while others hold them.
public final class ConnectionBudget: Sendable {
    /// What `./build.sh test`'s server allows (`max_connections`, 300), less its superuser
    /// reserve and room for the tests' own short admin connections.
    public static let testServer = ConnectionBudget(total: 240)

    private struct State {
        var available: Int
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let total: Int
    private let state: Mutex<State>

    public init(total: Int) {
        self.total = total
        state = Mutex(State(available: total))
    }

    /// Runs `body` holding `count` connections of the budget (at most all of it), in turn with
    /// the other tests: first come, first served.
    public func withConnections<Result>(_ count: Int, _ body: () async throws -> Result) async rethrows -> Result {
        let count = min(count, total)
        await acquire(count)
        do {
            let result = try await body()
            release(count)
            return result
        } catch {
            release(count)
            throw error
        }
    }

    private func acquire(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let granted = state.withLock { state -> Bool in
                guard state.waiters.isEmpty, state.available >= count else {
                    state.waiters.append((count, continuation))
                    return false
                }
                state.available -= count
                return true
            }
            if granted { continuation.resume() }
        }
    }

    private func release(_ count: Int) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.available += count
            var ready: [CheckedContinuation<Void, Never>] = []
            while let first = state.waiters.first, first.count <= state.available {
                state.available -= first.count
                ready.append(first.continuation)
                state.waiters.removeFirst()
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
