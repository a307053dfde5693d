import Foundation
import LocalHarness
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Environments die with the harness even when it gets no chance to shut down.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sleep")))
struct HarnessDeathTests {
    @Test func killingTheHarnessKillsItsEnvironments() async throws {
        // A "runtime" that never calls the Runtime API, so that it cannot notice the harness is
        // gone by itself: only the harness's death signal can end it.
        let harness = try await SpawnedProcess.start(
            executable: BuildFolder.product("chronoview-local"),
            arguments: ["invoke", "--command", "/bin/sleep", "30"],
            environment: ProcessInfo.processInfo.environment, standardOutput: nil, standardError: nil)
        try await harness.whileRunning {
            let environment = try #require(await childProcess(of: harness.pid))
            // The harness alone, not its group: as a crash or an OOM kill would end it.
            harness.signal(SIGKILL)
            try #require(await harness.exit(within: .seconds(10)) != nil, "the harness outlived SIGKILL")

            let deadline = ContinuousClock.now + .seconds(5)
            while isRunning(environment) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(!isRunning(environment), "the environment outlived the harness")
        }
    }

    /// The first child process of `pid`, waiting up to 10 seconds for it to appear.
    private func childProcess(of pid: Int32) async -> Int32? {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            for task in tasks {
                let children =
                    (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
                if let child = children.split(separator: " ").first.flatMap({ Int32($0) }) { return child }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Alive and not a zombie: an orphan's zombie may linger until the init process reaps it.
    private func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let state = stat.split(separator: ")").last?.split(separator: " ").first
        else { return false }
        return state != "Z" && state != "X"
    }
}
