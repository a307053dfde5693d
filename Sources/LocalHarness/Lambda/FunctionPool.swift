import NIOCore
import Synchronization

/// The execution environments of one function: warm ones waiting for work (the most recently
/// used first), a cap on how many may live at once, and the invocations queued for one.
final class FunctionPool: Sendable {
    /// What an invocation is given: a warm environment, or leave to start a new one.
    enum Lease: Sendable {
        case warm(ExecutionEnvironment)
        /// A slot under the cap is reserved: start an environment, then ``register(_:)`` it
        /// or give the slot back with ``spawnFailed()``.
        case cold
    }

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Lease, any Error>
    }

    private struct State {
        var idle: [ExecutionEnvironment] = []
        var environments: [String: ExecutionEnvironment] = [:]
        /// Environments alive or being started: what the cap limits.
        var slotsInUse = 0
        var spawns = 0
        var invocations = 0
        var waiters = CircularBuffer<Waiter>()
        var nextWaiterID: UInt64 = 0
        var isShutDown = false
    }

    let definition: FunctionDefinition
    private let state = Mutex(State())

    init(definition: FunctionDefinition) {
        self.definition = definition
    }

    /// Waits until the invocation may run: on a warm environment, or on a new one.
    func acquire() async throws -> Lease {
        let cap = max(1, definition.maximumEnvironments)
        // Most invocations find an environment at once: no continuation for them.
        let immediate = state.withLock { state -> Result<Lease, any Error>? in
            state.invocations += 1
            return Self.immediateLease(&state, cap: cap)
        }
        if let immediate { return try immediate.get() }
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let immediate = state.withLock { state -> Result<Lease, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let lease = Self.immediateLease(&state, cap: cap) { return lease }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// A warm environment, or a slot for a new one, if either is free now.
    private static func immediateLease(_ state: inout State, cap: Int) -> Result<Lease, any Error>? {
        if state.isShutDown { return .failure(LocalLambdaError.shutDown) }
        while let environment = state.idle.popLast() {
            if !environment.isTerminated { return .success(.warm(environment)) }
        }
        guard state.slotsInUse < cap else { return nil }
        state.slotsInUse += 1
        state.spawns += 1
        return .success(.cold)
    }

    /// Records a started environment under the slot its ``Lease/cold`` lease reserved.
    /// Returns `false` if the pool shut down meanwhile: the caller then terminates it.
    func register(_ environment: ExecutionEnvironment) -> Bool {
        state.withLock { state in
            guard !state.isShutDown else { return false }
            state.environments[environment.id] = environment
            return true
        }
    }

    /// Gives back the slot of a ``Lease/cold`` lease whose environment could not be started.
    func spawnFailed() {
        let next = state.withLock { state -> (Waiter, Lease)? in
            state.slotsInUse -= 1
            return Self.nextLease(&state)
        }
        if let (waiter, lease) = next { waiter.continuation.resume(returning: lease) }
    }

    /// Returns an environment after an invocation that left it fit for more.
    func release(_ environment: ExecutionEnvironment) {
        let waiter = state.withLock { state -> Waiter? in
            guard state.environments[environment.id] != nil else { return nil }
            if let waiter = state.waiters.popFirst() { return waiter }
            state.idle.append(environment)
            return nil
        }
        waiter?.continuation.resume(returning: .warm(environment))
    }

    /// Forgets an environment that died or was killed; its slot goes to the next waiting invocation.
    func discard(_ environment: ExecutionEnvironment) {
        let next = state.withLock { state -> (Waiter, Lease)? in
            guard state.environments.removeValue(forKey: environment.id) != nil else { return nil }
            state.idle.removeAll { $0 === environment }
            state.slotsInUse -= 1
            return Self.nextLease(&state)
        }
        if let (waiter, lease) = next { waiter.continuation.resume(returning: lease) }
    }

    private static func nextLease(_ state: inout State) -> (Waiter, Lease)? {
        guard !state.isShutDown, let waiter = state.waiters.popFirst() else { return nil }
        state.slotsInUse += 1
        state.spawns += 1
        return (waiter, .cold)
    }

    /// Stops handing out environments; returns every live one, for the caller to terminate.
    func shutDown() -> [ExecutionEnvironment] {
        let (environments, waiters) = state.withLock { state in
            state.isShutDown = true
            let waiters = Array(state.waiters)
            state.waiters.removeAll()
            state.idle.removeAll()
            return (Array(state.environments.values), waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: LocalLambdaError.shutDown) }
        return environments
    }

    var statistics: FunctionStatistics {
        state.withLock { state in
            FunctionStatistics(
                liveEnvironments: state.environments.count,
                idleEnvironments: state.idle.count,
                spawns: state.spawns,
                invocations: state.invocations,
                queuedInvocations: state.waiters.count,
                processIDs: state.environments.values.compactMap(\.processID).sorted()
            )
        }
    }
}
