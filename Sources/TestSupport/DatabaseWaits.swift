import NIOPosix

/// Where the tests' database sessions wait for the server. Many tests share one process and
/// Swift's few cooperative threads; a session waiting on one of those would starve the tests
/// that run beside it. This pool has more threads than the tests ever hold sessions at once.
public enum DatabaseWaits {
    public static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 64)
        pool.start()
        return pool
    }()
}
