import Foundation
import Logging
import NIOCore
import Postgres
import TestSupport
import Testing

/// A session of its own on the test server, closed after `body`.
enum TestServer {
    static let logger = Logger(label: "postgres-tests")

    static func withConnection<Result>(
        waitingOn threadPool: Bool = true, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let url = try #require(URLComponents(string: try AdminDatabase.url()))
        let connection = try await PostgresConnection.connect(
            options(url), until: .now() + .seconds(10), waitingOn: threadPool ? DatabaseWaits.threadPool : nil)
        defer { connection.close() }
        return try await body(connection)
    }

    static func options(_ url: URLComponents) -> PostgresConnectionOptions {
        PostgresConnectionOptions(
            endpoint: .tcp(host: url.host ?? "127.0.0.1", port: url.port ?? 5432), username: url.user ?? "postgres",
            password: url.password, database: "postgres", tlsMode: .disable, applicationName: "postgres-tests")
    }
}
