import LocalHarness
import Synchronization

/// Keeps the lines functions write, for tests to look for: output is read asynchronously, so a
/// line may arrive just after the invocation that wrote it returns.
final class OutputLineCollector: Sendable {
    private let lines = Mutex<[FunctionOutputLine]>([])

    var handler: @Sendable (FunctionOutputLine) -> Void {
        { [self] line in lines.withLock { $0.append(line) } }
    }

    var all: [FunctionOutputLine] { lines.withLock { $0 } }

    /// The first line matching `predicate`, waiting up to `timeout` for it.
    func firstLine(
        within timeout: Duration = .seconds(5),
        where predicate: (FunctionOutputLine) -> Bool
    ) async throws -> FunctionOutputLine? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = all.first(where: predicate) { return line }
            try await Task.sleep(for: .milliseconds(10))
        }
        return all.first(where: predicate)
    }
}
