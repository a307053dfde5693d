import Foundation
import Logging
import NIOCore
import Postgres

/// The test server's superuser, for what tests do around the code under test: creating and
/// dropping their own databases, inspecting sessions, terminating them.
public enum AdminDatabase {
    /// `CHRONOVIEW_TEST_DATABASE_URL`, which `./build.sh test` sets.
    public static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["CHRONOVIEW_TEST_DATABASE_URL"] else {
            throw MissingServer()
        }
        return url
    }

    public struct MissingServer: Error, CustomStringConvertible {
        public var description: String {
            "CHRONOVIEW_TEST_DATABASE_URL is not set: run the tests with ./build.sh test"
        }
    }

    public struct MalformedURL: Error, CustomStringConvertible {
        public var url: String
        public var description: String { "not a postgres:// URL: \(url)" }
    }

    /// Runs `sql` on a connection of its own to the server at `url` (the test server by default),
    /// returning the first column of every row as text.
    @discardableResult
    public static func run(_ sql: String, at url: String? = nil) async throws -> [String?] {
        let text = try url ?? Self.url()
        guard let components = URLComponents(string: text) else { throw MalformedURL(url: text) }
        return try await withConnection(to: components) { connection in
            var values: [String?] = []
            for row in try await connection.query(SQLQuery(unsafeSQL: sql), logger: quietLogger) {
                values.append(try row.decode(String?.self))
            }
            return values
        }
    }

    /// Runs `body` on a connection of its own to the database at `url`, then closes it.
    public static func withConnection<Result>(
        to url: URLComponents, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let database = String(url.path.dropFirst())
        let options = PostgresConnectionOptions(
            endpoint: .tcp(host: url.host ?? "127.0.0.1", port: url.port ?? 5432), username: url.user ?? "postgres",
            password: url.password, database: database.isEmpty ? "postgres" : database, tlsMode: .disable)
        let connection = try await PostgresConnection.connect(
            options, until: .now() + .seconds(10), waitingOn: DatabaseWaits.threadPool)
        defer { connection.close() }
        return try await body(connection)
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "admin-database")
        logger.logLevel = .warning
        return logger
    }()
}
