import LocalHarness
import NIOCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// How invocations share execution environments: reuse when warm, more when they overlap,
/// never more than the function allows.
@Suite struct EnvironmentReuseTests {
    @Test func warmEnvironmentIsReused() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            var initDurations: [Duration?] = []
            for _ in 0..<5 {
                let result = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
                #expect(result.errorType == nil)
                initDurations.append(result.report.initDuration)
            }
            #expect(initDurations.map { $0 != nil } == [true, false, false, false, false])
            let statistics = try #require(lambda.statistics(for: "Fixture"))
            #expect(statistics.spawns == 1)
            #expect(statistics.invocations == 5)
            #expect(statistics.idleEnvironments == 1)
        }
    }

    @Test func environmentThatDiesWhileIdleIsReplaced() async throws {
        let function = FixtureFunction.definition(maximumEnvironments: 1)
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            _ = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            let pid = try #require(lambda.statistics(for: "Fixture")?.processIDs.first)
            kill(pid, SIGKILL)
            // The service learns of the exit from the kernel, not from an invocation.
            let deadline = ContinuousClock.now + .seconds(5)
            while lambda.statistics(for: "Fixture")?.liveEnvironments != 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(lambda.statistics(for: "Fixture")?.liveEnvironments == 0, "the dead environment is forgotten")
            // With a cap of one, an invocation waits forever if the dead environment kept its slot.
            let next = try await withThrowingTaskGroup(of: InvocationResult?.self) { group in
                group.addTask { try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo")) }
                group.addTask {
                    try await Task.sleep(for: .seconds(10))
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
            let result = try #require(next, "the invocation waited for a slot the dead environment kept")
            #expect(result.errorType == nil)
            #expect(result.report.initDuration != nil, "served by a fresh environment")
            #expect(lambda.statistics(for: "Fixture")?.spawns == 2)
        }
    }

    @Test func overlappingInvocationsRunOnSeveralEnvironments() async throws {
        let function = FixtureFunction.definition(maximumEnvironments: 4)
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let requestIDs = try await invokeConcurrently(lambda, count: 3, sleepMilliseconds: 600)
            #expect(Set(requestIDs).count == 3)
            // A new environment starts only when every live one is busy: three mean all overlapped.
            let statistics = try #require(lambda.statistics(for: "Fixture"))
            #expect(statistics.spawns == 3)
            #expect(statistics.liveEnvironments == 3)
            #expect(statistics.idleEnvironments == 3)
        }
    }

    @Test func environmentsAreCappedAndFurtherInvocationsWait() async throws {
        let function = FixtureFunction.definition(maximumEnvironments: 2)
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let started = ContinuousClock.now
            let requestIDs = try await invokeConcurrently(lambda, count: 4, sleepMilliseconds: 300)
            let elapsed = ContinuousClock.now - started
            #expect(Set(requestIDs).count == 4)
            let statistics = try #require(lambda.statistics(for: "Fixture"))
            #expect(statistics.spawns == 2)
            #expect(statistics.liveEnvironments == 2)
            #expect(elapsed >= .milliseconds(600), "two rounds of two")
        }
    }

    private func invokeConcurrently(_ lambda: LocalLambda, count: Int, sleepMilliseconds: Int) async throws -> [String]
    {
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let result = try await lambda.invoke(
                        "Fixture", payload: FixtureFunction.command("sleep", milliseconds: sleepMilliseconds))
                    #expect(result.errorType == nil)
                    return try FixtureFunction.reply(result).requestId
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
