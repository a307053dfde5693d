import Synchronization

/// The first of several racing outcomes, for a waiter that must not wait for the others.
final class FirstOutcome<Value: Sendable>: Sendable {
    private enum State {
        case pending([CheckedContinuation<Value, Never>])
        case settled(Value)
    }

    private let state = Mutex(State.pending([]))

    /// Settles with `value` unless another value came first; later values are dropped.
    func offer(_ value: Value) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value, Never>] in
            guard case .pending(let waiters) = state else { return [] }
            state = .settled(value)
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The first value offered, as soon as there is one.
    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let settled = state.withLock { state -> Value? in
                switch state {
                case .settled(let value):
                    return value
                case .pending(var waiters):
                    waiters.append(continuation)
                    state = .pending(waiters)
                    return nil
                }
            }
            if let settled { continuation.resume(returning: settled) }
        }
    }
}
