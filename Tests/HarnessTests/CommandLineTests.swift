import Foundation
import TestSupport
import Testing

@testable import ChronoViewLocal

/// `chronoview-local invoke`, run as a user runs it.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    private func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuildFolder.product("chronoview-local"))
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test func invokePrintsTheResponseAndTheReport() throws {
        let event = FileManager.default.temporaryDirectory.appendingPathComponent("event-\(UUID().uuidString).json")
        try Data(#"{"action": "echo", "payload": {"symbol": "AAPL"}}"#.utf8).write(to: event)
        defer { try? FileManager.default.removeItem(at: event) }
        let run = try run(["invoke", "RuntimeFixture", "--event", event.path])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains(#""echo":{"symbol":"AAPL"}"#))
        #expect(run.standardError.contains("REPORT RequestId: "))
        #expect(run.standardError.contains("Init Duration: "))
    }

    @Test func functionErrorPrintsTheErrorAndExitsNonZero() throws {
        let run = try run(
            ["invoke", "--command", BuildFolder.product("RuntimeFixture"), "--event", "-"],
            input: #"{"action": "throw", "message": "no such chart"}"#
        )
        #expect(run.status == 1)
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
