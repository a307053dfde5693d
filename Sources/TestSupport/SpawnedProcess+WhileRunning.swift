import LocalHarness

extension SpawnedProcess {
    /// Runs `body`, then stops the process however `body` ended, as ``stop(gracePeriod:)`` does
    /// (SIGTERM, then SIGKILL for its group after `gracePeriod`); a process that has exited
    /// already is left as it is. For a server that a test talks to, and that must not outlive it.
    public func whileRunning<Result>(
        gracePeriod: Duration = .seconds(10), _ body: () async throws -> Result
    ) async rethrows -> Result {
        let result: Result
        do {
            result = try await body()
        } catch {
            _ = await stop(gracePeriod: gracePeriod)
            throw error
        }
        _ = await stop(gracePeriod: gracePeriod)
        return result
    }
}
