import Core
import Foundation
import LocalHarness
import Logging
import NIOCore
import NIOPosix
import Postgres
import TestSupport

/// ChronoView's real function executables, run as processes by the local Lambda service
/// against a fresh database on the test server.
enum FunctionProcesses {
    static let jwtSecret = "function-tests-secret-0123456789abcdef"

    static func definition(_ name: String, environment: [String: String]) -> FunctionDefinition {
        FunctionDefinition(
            name: name,
            executablePath: BuildFolder.product(name),
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
        let adminURL = try AdminDatabase.url()
        let name = "chronoview_fn_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await AdminDatabase.run("CREATE DATABASE \(name)", at: adminURL)
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
            // Each environment holds one connection (DATABASE_POOL_SIZE's default).
            let connections = functions.map(\.maximumEnvironments).reduce(0, +)
            result = try await ConnectionBudget.testServer.withConnections(connections) {
                try await withLocalLambda(
                    functions: functions, logger: quietLogger, outputHandler: outputHandler ?? silence
                ) { lambda in
                    try await body(lambda, environment)
                }
            }
        } catch {
            _ = try? await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: adminURL)
            throw error
        }
        try await AdminDatabase.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: adminURL)
        return result
    }
}
