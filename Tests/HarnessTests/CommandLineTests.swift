import Foundation
import LocalHarness
import TestSupport
import Testing

@testable import ChronoViewLocal

/// `chronoview-local invoke`, run as a user runs it.
@Suite struct CommandLineTests {
    private func run(_ arguments: [String], input: String? = nil) async throws -> ProgramRun {
        try await ProgramRun.run(
            BuildFolder.product("chronoview-local"), arguments: arguments, standardInput: Array((input ?? "").utf8))
    }

    @Test func invokePrintsTheResponseAndTheReport() async throws {
        let event = FileManager.default.temporaryDirectory.appendingPathComponent("event-\(UUID().uuidString).json")
        try Data(#"{"action": "echo", "payload": {"symbol": "AAPL"}}"#.utf8).write(to: event)
        defer { try? FileManager.default.removeItem(at: event) }
        let run = try await run(["invoke", "RuntimeFixture", "--event", event.path])
        #expect(run.status == .exited(0))
        #expect(run.standardOutput.contains(#""echo":{"symbol":"AAPL"}"#))
        #expect(run.standardError.contains("REPORT RequestId: "))
        #expect(run.standardError.contains("Init Duration: "))
    }

    @Test func functionErrorPrintsTheErrorAndExitsNonZero() async throws {
        let run = try await run(
            ["invoke", "--command", BuildFolder.product("RuntimeFixture"), "--event", "-"],
            input: #"{"action": "throw", "message": "no such chart"}"#
        )
        #expect(run.status == .exited(1))
        #expect(run.standardOutput.contains(#""errorMessage":"no such chart""#))
        #expect(run.standardError.contains("[RuntimeFixture] "), "the function's log lines, prefixed by its name")
    }

    @Test func envVarsFileGivesParametersThenTheFunctionsOwn() throws {
        let file = try EnvVarsFile(
            json: Data(
                #"{"Parameters": {"STAGE": "local", "DEBUG": true}, "Login": {"STAGE": "test", "PORT": 5432}}"#.utf8))
        #expect(file.variables(for: "Login") == ["STAGE": "test", "DEBUG": "true", "PORT": "5432"])
        #expect(file.variables(for: "Charts") == ["STAGE": "local", "DEBUG": "true"])
        #expect(throws: (any Error).self) { try EnvVarsFile(json: Data(#"{"Parameters": [1]}"#.utf8)) }
    }
}
