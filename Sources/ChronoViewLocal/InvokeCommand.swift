import ArgumentParser
import Foundation
import LocalHarness
import Logging
import NIOCore

/// `chronoview-local invoke <Function> --event <file|->`: one invocation, like `sam local invoke`.
/// The response (or error document) goes to standard output; logs and `REPORT` to standard error.
struct InvokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Invoke a function once and print its response.",
        discussion: """
            Runs the function's executable under the local Lambda service (a fresh execution \
            environment speaking the Runtime API), prints the response payload to standard output \
            and the function's logs and REPORT line to standard error. A function error prints the \
            error document and exits with status 1.
            """
    )

    @Argument(help: "The function: an executable of this name in the build folder (or the name given to --command).")
    var function: String?

    @Option(name: .shortAndLong, help: "The event: a file, or - for standard input (default: {}).")
    var event: String?

    @Option(help: "The folder of the function executables (default: this program's folder).")
    var buildPath: String?

    @Option(
        help: ArgumentHelp(
            "Environment variables, as `sam local invoke --env-vars` takes them.", valueName: "json-file"))
    var envVars: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Run this Runtime API client, with its arguments, instead of one of our functions.",
            valueName: "path> <argument"
        )
    )
    var command: [String] = []

    @Option(help: "Seconds before the invocation times out.")
    var timeout: Double = 30

    @Option(help: "The function's memory size in MB.")
    var memory: Int = 128

    @Option(help: "The AWS region the function believes it runs in.")
    var region: String = "us-east-1"

    func validate() throws {
        if function == nil && command.isEmpty {
            throw ValidationError("Name a function, or give --command <path> [arguments...].")
        }
        if !(timeout > 0) { throw ValidationError("--timeout must be positive.") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label) }
        let logger = Logger(label: "chronoview-local")
        let definition = try functionDefinition()
        let payload = try readEvent()
        let result = try await withLocalLambda(
            functions: [definition],
            configuration: LocalLambda.Configuration(region: region),
            logger: logger
        ) { lambda in
            try await lambda.invoke(definition.name, payload: payload)
        }
        var output = Data(result.payload.readableBytesView)
        if output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        FileHandle.standardOutput.write(output)
        if result.errorType != nil { throw ExitCode(1) }
    }

    private func functionDefinition() throws -> FunctionDefinition {
        let executable: String
        let arguments: [String]
        let name: String
        if let path = command.first {
            executable = BuildFolder.absolutePath(path)
            arguments = Array(command.dropFirst())
            name = function ?? URL(fileURLWithPath: path).lastPathComponent
        } else {
            name = function!
            arguments = []
            let folder = buildPath ?? BuildFolder.ofRunningProgram()
            executable = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError(
                "No executable at \(executable). Build it first (swift build --product \(name)), or pass --build-path."
            )
        }
        var environment: [String: String] = [:]
        if let envVars {
            environment = try EnvVarsFile(contentsOf: envVars).variables(for: name)
        }
        return FunctionDefinition(
            name: name,
            executablePath: executable,
            arguments: arguments,
            environment: environment,
            timeout: .milliseconds(Int64((timeout * 1000).rounded())),
            memorySizeMB: memory,
            maximumEnvironments: 1
        )
    }

    private func readEvent() throws -> ByteBuffer {
        guard let event else { return ByteBuffer(string: "{}") }
        let data: Data
        if event == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: event))
            } catch {
                throw ValidationError("Cannot read the event file \(event): \(error.localizedDescription)")
            }
        }
        return ByteBuffer(bytes: data)
    }
}
