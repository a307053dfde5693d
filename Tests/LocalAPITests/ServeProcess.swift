import Foundation
import TestSupport
import Testing

/// `chronoview-local serve` as a developer runs it: the real template and functions over a
/// database of its own, on free ports, its banner kept for the addresses it names.
struct ServeProcess: Sendable {
    /// The HTTP API's base URL.
    let api: String
    /// What serve printed once it listened: the Invoke and WebSocket APIs' addresses among it.
    let banner: String
    /// The functions' database, for what a test checks behind the API's back.
    let database: String

    /// Starts serve with `arguments` besides the template, build path and database, runs
    /// `body`, then stops serve (awaiting its exit) and drops the database.
    static func run<Result>(
        arguments: [String], _ body: (ServeProcess) async throws -> Result
    ) async throws -> Result {
        let cli = "\(BuildFolder.path)/chronoview-local"
        try #require(FileManager.default.isExecutableFile(atPath: cli), "\(cli) is not built")
        let admin = try AdminDatabase.url()
        let name = "serve_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await AdminDatabase.run("CREATE DATABASE \(name)", at: admin)
        var database = try #require(URLComponents(string: admin))
        database.path = "/\(name)"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).txt")
        try Data().write(to: output)
        defer { try? FileManager.default.removeItem(at: output) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli)
        process.arguments =
            [
                "serve", "--port", "0", "--lambda-port", "0", "--template", DatabaseBackedAPI.templatePath,
                "--build-path", BuildFolder.path, "--database-url", try #require(database.string),
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["JWT_SECRET"] = "serve-test-secret-0123456789abcdef-0123"
        environment["BCRYPT_COST"] = "4"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let result: Result
        do {
            let api = try await ServeCommandTests.waitForURL(in: output.path, process: process)
            let banner = try String(contentsOf: output, encoding: .utf8)
            result = try await body(ServeProcess(api: api, banner: banner, database: try #require(database.string)))
        } catch {
            await stop(process)
            _ = try? await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: admin)
            throw error
        }
        await stop(process)
        _ = try await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: admin)
        return result
    }

    /// Stops serve and awaits its exit without blocking a thread that the whole test run shares.
    private static func stop(_ process: Process) async {
        guard process.isRunning else { return }
        process.terminate()
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
    }
}
