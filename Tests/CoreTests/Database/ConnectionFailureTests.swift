import Core
import Foundation
import Logging
import NIOPosix
import Postgres
import TestSupport
import Testing

@Suite struct ConnectionFailureTests {
    @Test func aSessionTheServerEndedIsReplacedWithoutFailingTheNextRequest() async throws {
        try await TestDatabase.withServices(poolSize: 1) { services in
            let health = HealthRoutes.health(services)
            #expect(await TestEvent("GET", "/api/health").send(to: health).status == 200)
            let admin = try TestDatabase.adminSettings()
            let adminDatabase = try Database(
                settings: admin, timeout: .seconds(10), eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                waitingOn: DatabaseWaits.threadPool, logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await adminDatabase.run() }
                defer { group.cancelAll() }
                let name = services.settings.database.database
                // Read, so that the sessions are ended before the next request rather than during it.
                _ = try await adminDatabase.withConnection { connection in
                    try await connection.query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(name)",
                        logger: TestDatabase.logger
                    )
                }
            }
            // The server ended the session: whether the pool has noticed yet or not, the very
            // next request is served, on a new connection.
            #expect(await TestEvent("GET", "/api/health").send(to: health).status == 200)
        }
    }

    @Test func anUnreachableDatabaseIsA503WithRetryAfterAndNoLeak() async throws {
        var settings = try TestDatabase.settings(database: try TestDatabase.adminSettings())
        // Nothing listens on port 9 of loopback.
        settings.database.endpoint = .tcp(host: "127.0.0.1", port: 9)
        settings.database.password = "a-password-that-must-not-leak"
        settings.databaseTimeout = .milliseconds(700)
        let database = try Database(
            settings: settings.database, timeout: settings.databaseTimeout,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool,
            logger: TestDatabase.logger)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            let services = await ChronoViewServices(settings: settings, database: database)
            let started = ContinuousClock.now
            let response = await TestEvent("GET", "/api/health").send(to: HealthRoutes.health(services))
            #expect(ContinuousClock.now - started < .seconds(15), "bounded by the timeout, not the pool's back-off")
            #expect(response.status == 503)
            #expect(response.code == "unavailable")
            #expect(response.header("retry-after") == "1")
            #expect(!(response.body ?? "").contains("a-password-that-must-not-leak"))
            let login = await TestEvent("POST", "/api/login", body: #"{"email":"a@b.co","password":"whatever1"}"#)
                .send(to: AccountRoutes.login(services))
            #expect(login.status == 503)
        }
    }
}
