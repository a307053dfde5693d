import NIOCore
import Postgres
import Synchronization

/// An environment's PostgreSQL sessions: up to ``capacity`` of them, opened when first needed
/// (or by ``prewarm(until:)`` during init) and kept open for the invocations that follow.
///
/// Leasing an idle session takes a lock and nothing else. When all are in use, the lease waits
/// in line until one comes back or its deadline passes; that deadline is a timer on the event
/// loop, cancelled (and freed) when the lease is served first.
final class ConnectionPool: Sendable {
    typealias Connect = @Sendable (_ deadline: NIODeadline) async throws(PostgresError) -> PostgresConnection

    let capacity: Int
    private let connect: Connect
    private let eventLoop: any EventLoop
    private let state = Mutex(State())

    private struct State {
        var idle: [PostgresConnection] = []
        /// Sessions open or being opened, idle ones included.
        var opened = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0
        var isShutDown = false

        /// Counts one more session as opened, when the pool has room for it.
        mutating func reserveSlot(capacity: Int) -> Bool {
            guard !isShutDown, opened < capacity else { return false }
            opened += 1
            return true
        }
    }

    /// What a waiting lease is given: a session, or the right to open one in a freed slot.
    private enum Grant {
        case session(PostgresConnection)
        case slot
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Grant, any Error>
        var timer: Scheduled<Void>?
    }

    init(capacity: Int, eventLoop: any EventLoop, connect: @escaping Connect) {
        self.capacity = capacity
        self.eventLoop = eventLoop
        self.connect = connect
    }

    /// A session for one operation, which must go back through ``release(_:)``.
    func lease(until deadline: NIODeadline) async throws -> PostgresConnection {
        let immediate: Grant? = try state.withLock { state in
            guard !state.isShutDown else { throw PoolShutDown() }
            if let session = state.idle.popLast() { return .session(session) }
            return state.reserveSlot(capacity: capacity) ? .slot : nil
        }
        let grant: Grant
        if let immediate {
            grant = immediate
        } else {
            grant = try await waitInLine(until: deadline)
        }
        switch grant {
        case .session(let session): return session
        case .slot: return try await open(until: deadline)
        }
    }

    /// Takes a session back: kept for the next lease when it can serve one, closed otherwise.
    func release(_ session: PostgresConnection) {
        session.deadline = .distantFuture
        if session.isReusable {
            /// Decided under one lock: a session put back among the idle ones may be leased at
            /// once, so it must never be closed here afterwards.
            enum Outcome {
                case kept
                case handed(Waiter)
                case closed
            }
            let outcome = state.withLock { state -> Outcome in
                if !state.waiters.isEmpty { return .handed(state.waiters.removeFirst()) }
                if state.isShutDown { return .closed }
                state.idle.append(session)
                return .kept
            }
            switch outcome {
            case .kept:
                break
            case .handed(let waiter):
                waiter.timer?.cancel()
                waiter.continuation.resume(returning: .session(session))
            case .closed:
                session.close()
            }
        } else {
            session.close()
            freeSlot()
        }
    }

    /// Opens sessions up to ``capacity`` in the background of a cold start, so that the first
    /// invocation finds one open; a failure is left for that invocation to meet again.
    func prewarm(until deadline: NIODeadline) async throws {
        while state.withLock({ $0.reserveSlot(capacity: capacity) }) {
            release(try await open(until: deadline))
        }
    }

    /// Closes the idle sessions and refuses leases from now on; a leased session closes when it
    /// comes back.
    func shutDown() {
        let (idle, waiters) = state.withLock { state in
            state.isShutDown = true
            defer { (state.idle, state.waiters) = ([], []) }
            return (state.idle, state.waiters)
        }
        idle.forEach { $0.close() }
        for waiter in waiters {
            waiter.timer?.cancel()
            waiter.continuation.resume(throwing: PoolShutDown())
        }
    }

    /// The pool has shut down: the environment is ending.
    struct PoolShutDown: Error {}

    private func open(until deadline: NIODeadline) async throws -> PostgresConnection {
        do {
            return try await connect(deadline)
        } catch {
            freeSlot()
            throw error
        }
    }

    /// A session closed or failed to open: its slot goes to the first lease in line, if any.
    private func freeSlot() {
        let waiter = state.withLock { state in
            guard !state.waiters.isEmpty else {
                state.opened -= 1
                return nil as Waiter?
            }
            return state.waiters.removeFirst()
        }
        guard let waiter else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume(returning: .slot)
    }

    private func waitInLine(until deadline: NIODeadline) async throws -> Grant {
        try await withCheckedThrowingContinuation { continuation in
            let id: Int? = state.withLock { state in
                // Served in the meantime: a session came back or a slot freed.
                if let session = state.idle.popLast() {
                    continuation.resume(returning: .session(session))
                    return nil
                }
                if state.reserveSlot(capacity: capacity) {
                    continuation.resume(returning: .slot)
                    return nil
                }
                if state.isShutDown {
                    continuation.resume(throwing: PoolShutDown())
                    return nil
                }
                defer { state.nextWaiterID += 1 }
                state.waiters.append(Waiter(id: state.nextWaiterID, continuation: continuation, timer: nil))
                return state.nextWaiterID
            }
            guard let id else { return }
            let timer = eventLoop.scheduleTask(deadline: deadline) { [self] in giveUp(waiter: id) }
            let stillWaiting = state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return false }
                state.waiters[index].timer = timer
                return true
            }
            if !stillWaiting { timer.cancel() }
        }
    }

    private func giveUp(waiter id: Int) {
        let waiter = state.withLock { state in
            state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0) }
        }
        waiter?.continuation.resume(throwing: PostgresError(.timedOut, message: "no session free before the deadline"))
    }
}
