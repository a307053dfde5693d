import Synchronization

/// The execution environments the Runtime API server answers for, by the id in their path prefix.
///
/// An environment leaves the registry when it is discarded, so a late request from a killed
/// environment finds nothing to answer and cannot touch another environment's invocation.
final class EnvironmentRegistry: Sendable {
    private let environments = Mutex<[String: ExecutionEnvironment]>([:])

    func add(_ environment: ExecutionEnvironment) {
        environments.withLock { $0[environment.id] = environment }
    }

    func remove(_ environment: ExecutionEnvironment) {
        _ = environments.withLock { $0.removeValue(forKey: environment.id) }
    }

    func environment(withID id: String) -> ExecutionEnvironment? {
        environments.withLock { $0[id] }
    }
}
