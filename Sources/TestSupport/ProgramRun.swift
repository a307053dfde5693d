import Foundation
import LocalHarness

/// A program run to its end, as a test runs a command-line tool: how it ended and what it wrote.
public struct ProgramRun: Sendable {
    /// How the program ended.
    public var status: ExitStatus
    /// Everything the program wrote to its standard output.
    public var standardOutput: String
    /// Everything the program wrote to its standard error.
    public var standardError: String

    /// The program had not ended by its deadline, and was killed.
    public struct TimedOut: Error, CustomStringConvertible {
        public var executable: String
        public var timeout: Duration
        public var standardOutput: String
        public var standardError: String

        public var description: String {
            "\(executable) did not end within \(timeout) and was killed; its standard output:\n\(standardOutput)\n"
                + "its standard error:\n\(standardError)"
        }
    }

    /// Runs `executable` (a path) to its end, its output kept in files meanwhile: it never waits
    /// for a reader, and the test never blocks a thread.
    ///
    /// - Parameters:
    ///   - standardInput: What the program reads, or `nil` for /dev/null.
    ///   - timeout: How long it may run: then it is killed, with its process group.
    /// - Throws: ``TimedOut``, `CancellationError` when the task is cancelled first (the program
    ///   is killed then too), and whatever ``SpawnedProcess/start(executable:arguments:environment:directory:standardInput:standardOutput:standardError:)``
    ///   throws.
    public static func run(
        _ executable: String,
        arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        directory: String? = nil,
        standardInput: [UInt8]? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> ProgramRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("stdin")
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        if let standardInput { try Data(standardInput).write(to: input) }

        let process = try await SpawnedProcess.start(
            executable: executable, arguments: arguments, environment: environment, directory: directory,
            standardInput: standardInput == nil ? nil : input.path, standardOutput: output.path,
            standardError: errors.path)
        let status = await process.exit(within: timeout)
        if status == nil {
            process.kill()
            _ = await process.exit()
        }
        let written = [output, errors].map { String(decoding: (try? Data(contentsOf: $0)) ?? Data(), as: UTF8.self) }
        guard let status else {
            try Task.checkCancellation()
            throw TimedOut(
                executable: executable, timeout: timeout, standardOutput: written[0], standardError: written[1])
        }
        return ProgramRun(status: status, standardOutput: written[0], standardError: written[1])
    }
}
