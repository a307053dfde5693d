import Core
import Foundation
import LocalHarness
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// ChronoView's real function executables, run as processes by the local Lambda service
/// against a fresh database on the test server.
enum FunctionProcesses {
    static let jwtSecret = "function-tests-secret-0123456789abcdef"

    /// The build folder holding the function executables, from this test process's own path.
    static let buildFolder: URL = {
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Login").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static func definition(_ name: String, environment: [String: String]) -> FunctionDefinition {
        FunctionDefinition(
            name: name,
            executablePath: buildFolder.appendingPathComponent(name).path,
            environment: environment,
            timeout: .seconds(20),
            maximumEnvironments: 2
        )
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "function-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with the named functions served over a new, empty database.
    static func with<Result>(
        _ names: [String],
        environment extra: [String: String] = [:],
        outputHandler: (@Sendable (FunctionOutputLine) -> Void)? = nil,
        _ body: (LocalLambda, [String: String]) async throws -> Result
    ) async throws -> Result {
        guard let adminURL = ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] else {
            throw MissingServer()
        }
        let name = "chronoview_fn_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin(adminURL, "CREATE DATABASE \(name)")
        var url = URLComponents(string: adminURL)!
        url.path = "/" + name
        var environment = [
            "DATABASE_URL": url.string!, "JWT_SECRET": jwtSecret, "BCRYPT_COST": "4",
            "AWS_LAMBDA_LOG_FORMAT": "JSON", "DATABASE_TIMEOUT_MS": "30000",
        ]
        environment.merge(extra) { _, new in new }
        let functions = names.map { definition($0, environment: environment) }
        let silence: @Sendable (FunctionOutputLine) -> Void = { _ in }
        let result: Result
        do {
            result = try await withLocalLambda(
                functions: functions, logger: quietLogger, outputHandler: outputHandler ?? silence
            ) { lambda in
                try await body(lambda, environment)
            }
        } catch {
            try? await admin(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        try await admin(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        return result
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "CHRONOVIEW_TEST_DATABASE_URL is not set: run the tests with ./build.sh test" }
    }

    static func admin(_ url: String, _ sql: String) async throws {
        let database = try Database(
            settings: try DatabaseSettings(url: url), timeout: .seconds(30),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            defer { group.cancelAll() }
            _ = try await database.withConnection { connection in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: quietLogger)
            }
        }
    }
}
