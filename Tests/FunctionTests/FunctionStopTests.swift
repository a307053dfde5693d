import NIOCore
import NIOPosix
import TestSupport
import Testing

@testable import LocalHarness

#if canImport(Glibc)
    import Glibc
#endif

/// A function that must stop does, its database pool included: Lambda replaces an environment
/// only once its process has ended.
@Suite struct FunctionStopTests {
    @Test func healthExitsWhenItsRuntimeAPIIsGoneAndItsDatabaseUnreachable() async throws {
        let runtimeAPIPort = try await UnusedPort.find()
        let databasePort = try await UnusedPort.find()
        let (process, pipes) = try await MultiThreadedEventLoopGroup.singleton.any().submit {
            try ChildProcess.spawn(
                executable: BuildFolder.product("Health"),
                arguments: [],
                environment: [
                    "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(runtimeAPIPort)",
                    "DATABASE_URL": "postgres://nobody@127.0.0.1:\(databasePort)/none?sslmode=disable",
                    "JWT_SECRET": FunctionProcesses.jwtSecret,
                ],
                directory: nil
            )
        }.get()
        // Open until the end: its log lines must not meet a closed pipe.
        defer {
            close(pipes.standardOutput)
            close(pipes.standardError)
        }
        ProcessReaper.shared.watch(process)

        let exit: ProcessExit? = await withTaskGroup(of: ProcessExit?.self) { group in
            group.addTask { await process.waitForExit() }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return nil
            }
            if let exit = await group.next() ?? nil {
                group.cancelAll()
                return exit
            }
            // Still running: killed, so that the task waiting for its exit ends too.
            process.kill()
            return nil
        }
        guard let exit else {
            Issue.record("Health was still running 10 seconds after its Runtime API went away")
            return
        }
        #expect(exit.status == .exited(1))
    }
}
