import Foundation
import LocalHarness
import NIOCore
import Testing

/// Each way an invocation can end, through real processes and the Runtime API.
@Suite struct InvocationOutcomeTests {
    @Test func successReturnsTheResponseWithTheInvocationsContext() async throws {
        let function = FixtureFunction.definition(name: "Echo", timeout: .seconds(7))
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let result = try await lambda.invoke("Echo", payload: FixtureFunction.command("echo", payload: ["a": "b"]))
            #expect(result.errorType == nil)
            let reply = try FixtureFunction.reply(result)
            #expect(reply.echo == ["a": "b"])
            #expect(reply.requestId == result.report.requestID)
            #expect(reply.functionName == "Echo")
            #expect(reply.invokedFunctionArn == "arn:aws:lambda:us-east-1:123456789012:function:Echo")
            #expect(reply.traceId?.hasPrefix("Root=1-") == true)
            #expect((5_000...7_000).contains(reply.remainingMilliseconds))
            #expect(result.report.initDuration != nil, "a cold start reports its init duration")
            #expect(result.report.maxMemoryUsedMB > 0)
            #expect(result.report.logLine.hasPrefix("REPORT RequestId: \(result.report.requestID)\tDuration: "))

            // Each invocation sees its own trace header, through several changes of the variable.
            var traces = [reply.traceId]
            for _ in 0..<3 {
                let next = try await lambda.invoke("Echo", payload: FixtureFunction.command("echo"))
                traces.append(try FixtureFunction.reply(next).traceId)
            }
            #expect(Set(traces.compactMap { $0 }).count == 4)
        }
    }

    @Test func thrownErrorIsTheFunctionsErrorAndTheEnvironmentServesOn() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            let failed = try await lambda.invoke("Fixture", payload: FixtureFunction.command("throw", message: "boom"))
            #expect(failed.errorType == "FixtureError")
            let document = try FixtureFunction.errorDocument(failed)
            #expect(document["errorMessage"] == "boom")
            #expect(document["errorType"] == "FixtureError")

            let next = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            #expect(next.errorType == nil)
            #expect(next.report.initDuration == nil, "the same, warm environment serves on")
            #expect(lambda.statistics(for: "Fixture")?.spawns == 1)
        }
    }

    @Test func undecodableEventIsAnUnmarshalError() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            let result = try await lambda.invoke("Fixture", payload: ByteBuffer(string: "this is not JSON"))
            #expect(result.errorType == "Runtime.UnmarshalError")
            #expect(try FixtureFunction.errorDocument(result)["errorType"] == "Runtime.UnmarshalError")
        }
    }

    @Test func initErrorReachesTheCallerAndTheEnvironmentIsDiscarded() async throws {
        let function = FixtureFunction.definition(environment: ["FIXTURE_INIT_ERROR": "no database configured"])
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let result = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            #expect(result.errorType == "FixtureInitError")
            #expect(try FixtureFunction.errorDocument(result)["errorMessage"] == "no database configured")
            #expect(result.report.initDuration != nil)
            #expect(lambda.statistics(for: "Fixture")?.liveEnvironments == 0)

            _ = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            #expect(lambda.statistics(for: "Fixture")?.spawns == 2, "each invocation gets a fresh environment")
        }
    }

    @Test func crashEndsTheInvocationWithExitErrorAndAFreshEnvironmentServesTheNext() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            _ = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            let crashedPID = try #require(lambda.statistics(for: "Fixture")?.processIDs.first)

            let crashed = try await lambda.invoke("Fixture", payload: FixtureFunction.command("crash"))
            #expect(crashed.errorType == "Runtime.ExitError")
            #expect(
                try FixtureFunction.errorDocument(crashed)["errorMessage"]
                    == "RequestId: \(crashed.report.requestID) Error: Runtime exited with error: exit status 3"
            )
            #expect(!processExists(crashedPID))

            let next = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            #expect(next.errorType == nil)
            #expect(next.report.initDuration != nil, "a fresh environment: a cold start")
            let statistics = try #require(lambda.statistics(for: "Fixture"))
            #expect(statistics.spawns == 2)
            #expect(statistics.liveEnvironments == 1)
            #expect(statistics.processIDs != [crashedPID])
        }
    }

    @Test func timeoutKillsTheEnvironmentAndReturnsPromptly() async throws {
        let function = FixtureFunction.definition(timeout: .seconds(1))
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let started = ContinuousClock.now
            let invocation = Task {
                try await lambda.invoke("Fixture", payload: FixtureFunction.command("sleep", milliseconds: 30_000))
            }
            // The process is read while the invocation runs: a warm-up of its own could itself
            // outlast the 1-second timeout on a loaded machine and leave no environment behind.
            var pid: pid_t?
            while pid == nil, ContinuousClock.now - started < .seconds(15) {
                pid = lambda.statistics(for: "Fixture")?.processIDs.first
                if pid == nil { try await Task.sleep(for: .milliseconds(5)) }
            }
            let result = try await invocation.value
            let elapsed = ContinuousClock.now - started
            let environmentPID = try #require(pid, "the environment's process was seen while it ran")

            #expect(result.errorType == "Sandbox.Timedout")
            #expect(
                try FixtureFunction.errorDocument(result)["errorMessage"]
                    == "RequestId: \(result.report.requestID) Error: Task timed out after 1.00 seconds"
            )
            #expect(elapsed >= .seconds(1))
            #expect(elapsed < .seconds(15), "returns at the timeout, not when the function would have finished")
            #expect(!processExists(environmentPID), "the environment's process is killed and reaped")
            #expect(lambda.statistics(for: "Fixture")?.liveEnvironments == 0)
        }
    }

    @Test func cancellingTheCallerKillsTheEnvironment() async throws {
        try await withLocalLambda(functions: [FixtureFunction.definition()], logger: FixtureFunction.quietLogger) {
            lambda in
            _ = try await lambda.invoke("Fixture", payload: FixtureFunction.command("echo"))
            let pid = try #require(lambda.statistics(for: "Fixture")?.processIDs.first)
            let invocation = Task {
                try await lambda.invoke("Fixture", payload: FixtureFunction.command("sleep", milliseconds: 5_000))
            }
            try await Task.sleep(for: .milliseconds(200))
            invocation.cancel()
            await #expect(throws: CancellationError.self) { try await invocation.value }
            #expect(!processExists(pid))
        }
    }

    @Test func unknownFunctionIsTheCallersError() async throws {
        try await withLocalLambda(functions: [], logger: FixtureFunction.quietLogger) { lambda in
            await #expect(throws: LocalLambdaError.unknownFunction("Nope")) {
                try await lambda.invoke("Nope", payload: ByteBuffer(string: "{}"))
            }
        }
    }
}
