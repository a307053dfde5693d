import Synchronization

/// Counts calls from the stand-in's event loop.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The number of calls before this one.
    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
