import Foundation
import LocalHarness
import NIOCore
import Postgres
import TestSupport
import Testing

/// template.yaml's routes and functions, run as `chronoview-local serve` runs them, over a new
/// and migrated database on one of the servers `./build.sh test` starts.
struct DatabaseBackedAPI: Sendable {
    let api: RunningAPI
    /// The database the functions use, for what a test checks behind the API's back.
    let database: URLComponents

    static let templatePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("template.yaml").path

    /// Creates the database on the server at `serverURL`, starts the API over it, migrates it,
    /// runs `body`, and drops the database.
    ///
    /// - Parameters:
    ///   - environment: variables every function gets on top of the database's.
    ///   - editTemplate: changes template.yaml's text before it is read.
    static func run(
        server serverURL: String,
        environment extra: [String: String] = [:],
        maximumEnvironments: Int = 4,
        editTemplate: (String) -> String = { $0 },
        _ body: (DatabaseBackedAPI) async throws -> Void
    ) async throws {
        let admin = try #require(URLComponents(string: serverURL))
        let name = "localapi_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await execute("CREATE DATABASE \(name)", on: admin)
        var database = admin
        database.path = "/\(name)"
        database.queryItems = [URLQueryItem(name: "sslmode", value: "disable")]
        var environment = [
            "DATABASE_URL": try #require(database.string),
            "JWT_SECRET": "local-api-test-secret-0123456789abcdef",
            "BCRYPT_COST": ProcessInfo.processInfo.environment["BCRYPT_COST"] ?? "4",
        ]
        environment.merge(extra) { $1 }
        do {
            try await RunningAPI.run(
                template: editTemplate(try String(contentsOfFile: templatePath, encoding: .utf8)),
                buildPath: BuildFolder.path,
                localEnvironment: environment,
                maximumEnvironments: maximumEnvironments
            ) { api in
                let migration = try await api.lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
                #expect(migration.errorType == nil, "\(String(buffer: migration.payload))")
                try await body(DatabaseBackedAPI(api: api, database: database))
            }
            try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
        } catch {
            try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
            throw error
        }
    }

    /// Runs `body` on a connection of the test's own to the database at `url`, then closes it.
    static func withConnection<Result>(
        to url: URLComponents, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await AdminDatabase.withConnection(to: url, body)
    }

    /// Runs one statement on a connection of its own.
    static func execute(_ sql: String, on url: URLComponents) async throws {
        try await AdminDatabase.run(sql, at: url.string)
    }
}
