import LocalHarness
import NIOCore
import Testing

/// No process outlives the service.
@Suite struct ShutdownTests {
    @Test func leavingTheScopeKillsEveryEnvironment() async throws {
        let function = FixtureFunction.definition(maximumEnvironments: 3)
        var pids: [Int32] = []
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask {
                        _ = try await lambda.invoke(
                            "Fixture", payload: FixtureFunction.command("sleep", milliseconds: 200))
                    }
                }
                try await group.waitForAll()
            }
            pids = lambda.statistics(for: "Fixture")?.processIDs ?? []
        }
        #expect(pids.count == 3)
        #expect(pids.allSatisfy { !processExists($0) })
    }

    @Test func shutdownEndsRunningInvocations() async throws {
        let lambda = try await LocalLambda(
            functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger)
        let invocation = Task {
            try await lambda.invoke("Fixture", payload: FixtureFunction.command("sleep", milliseconds: 30_000))
        }
        try await Task.sleep(for: .milliseconds(300))
        let started = ContinuousClock.now
        await lambda.shutdown()
        await #expect(throws: LocalLambdaError.shutDown) { try await invocation.value }
        #expect(ContinuousClock.now - started < .seconds(15), "not when the function would have finished")
        #expect(lambda.statistics(for: "Fixture")?.liveEnvironments == 0)
        await #expect(throws: LocalLambdaError.shutDown) {
            try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
        }
    }
}
