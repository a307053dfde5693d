import Foundation
import LocalHarness
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
        let admin = try AdminDatabase.url()
        let name = "serve_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await AdminDatabase.run("CREATE DATABASE \(name)", at: admin)
        var database = try #require(URLComponents(string: admin))
        database.path = "/\(name)"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: output) }

        var environment = ProcessInfo.processInfo.environment
        environment["JWT_SECRET"] = "serve-test-secret-0123456789abcdef-0123"
        environment["BCRYPT_COST"] = "4"
        let result: Result
        do {
            let process = try await start(
                template: DatabaseBackedAPI.templatePath, buildPath: BuildFolder.path,
                databaseURL: try #require(database.string), arguments: arguments, environment: environment,
                output: output.path)
            // Stopped (SIGTERM, then SIGKILL after 10 seconds) however the body ends.
            result = try await process.whileRunning {
                let api = try await waitForURL(in: output.path, process: process)
                let banner = try String(contentsOf: output, encoding: .utf8)
                return try await body(ServeProcess(api: api, banner: banner, database: try #require(database.string)))
            }
        } catch {
            _ = try? await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: admin)
            throw error
        }
        _ = try await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: admin)
        return result
    }

    /// Starts serve on free ports (its HTTP and Invoke APIs) over `template` and the functions
    /// in `buildPath`, its standard output (the banner and the request lines) to `output`.
    static func start(
        template: String,
        buildPath: String,
        databaseURL: String,
        arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        output: String
    ) async throws -> SpawnedProcess {
        let cli = "\(BuildFolder.path)/chronoview-local"
        try #require(FileManager.default.isExecutableFile(atPath: cli), "\(cli) is not built")
        return try await SpawnedProcess.start(
            executable: cli,
            arguments: [
                "serve", "--port", "0", "--lambda-port", "0", "--template", template, "--build-path", buildPath,
                "--database-url", databaseURL,
            ] + arguments,
            environment: environment, standardOutput: output, standardError: nil)
    }

    /// Waits for the start-up line that names the HTTP API's URL.
    static func waitForURL(in file: String, process: SpawnedProcess) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while clock.now < deadline && !process.hasExited {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /API on (http:\/\/127\.0\.0\.1:\d+)/) {
                return String(match.1)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StartFailure(output: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }

    struct StartFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "chronoview-local serve did not start:\n\(output)" }
    }
}
