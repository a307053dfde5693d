import Foundation
import LocalHarness
import NIOHTTP1
import Postgres
import Testing

extension FaultTests {
    /// The database stopped and started under a stream of writes from several clients.
    @Suite struct DatabaseRestartTests {
        /// One chart write as its client saw it.
        struct Write: Sendable, CustomStringConvertible {
            var name: String
            var status: Int
            var retryAfter: String?
            var sent: ContinuousClock.Instant
            var answered: ContinuousClock.Instant

            var description: String { "\(name): \(status), retry-after \(retryAfter ?? "none")" }
        }

        static let clients = 4
        /// A write from each client at most this often: 80 a second in all, under the route
        /// throttling template.yaml sets (100 a second), which is not what this test is about.
        static let writeInterval = Duration.milliseconds(50)

        @Test func acknowledgedWritesSurviveARestartAndTheSameEnvironmentsServeWithinASecond() async throws {
            let server = try #require(FaultDatabaseServer.current)
            // A short bound, so that writes sent while the server is down fail (with a 503)
            // rather than all wait for its return.
            try await FaultTests.withAPI(
                environment: ["DATABASE_TIMEOUT_MS": "500"], maximumEnvironments: Self.clients
            ) { backed in
                let api = backed.api
                var sessions: [FaultTests.Session] = []
                for client in 0..<Self.clients {
                    sessions.append(try await FaultTests.signUpAndLogIn("writer\(client)@example.com", on: api))
                }
                // One write from each client at once, so that the environments are warm.
                let warmUp = try await Self.writeConcurrently(sessions: sessions, on: api)
                #expect(warmUp.allSatisfy { $0.status == 201 })
                let before = try #require(api.lambda.statistics(for: "Charts"))

                let (writes, back) = try await Self.writeThroughARestart(of: server, sessions: sessions, on: api)

                // Every write was answered with a 201 or a 503 that says when to retry.
                let failed = writes.filter { $0.status != 201 }
                let unexpected = failed.filter { $0.status != 503 || $0.retryAfter == nil }
                #expect(unexpected.isEmpty, "\(unexpected.count) of \(writes.count) writes: \(unexpected.prefix(5))")
                // The restart did fail some writes, and the clients wrote after the return.
                #expect(!failed.isEmpty, "no write failed: the restart went unnoticed")
                let afterReturn = writes.filter { $0.sent >= back }
                #expect(afterReturn.contains { $0.status == 201 })
                // Within a second of the return, the same environments serve every write.
                let late = afterReturn.filter { $0.sent >= back + .seconds(1) && $0.status != 201 }
                #expect(late.isEmpty, "failed more than a second after the database returned: \(late)")
                let recovery = afterReturn.filter { $0.status == 201 }.map { $0.answered - back }.min()
                #expect(try #require(recovery) < .seconds(1))
                // No environment was discarded or replaced. One more may have started: with the
                // database away, requests last longer, so all clients can be in flight at once.
                let after = try #require(api.lambda.statistics(for: "Charts"))
                #expect(after.spawns - after.liveEnvironments == before.spawns - before.liveEnvironments)
                #expect(
                    Set(before.processIDs).isSubset(of: after.processIDs), "\(before.processIDs) → \(after.processIDs)")

                // Every acknowledged write is in the database, once.
                let acknowledged = writes.filter { $0.status == 201 }.map(\.name) + warmUp.map(\.name)
                let stored = try await Self.chartNames(in: backed.database)
                let missing = acknowledged.filter { stored[$0] != 1 }
                #expect(missing.isEmpty, "acknowledged but not stored exactly once: \(missing)")
            }
        }

        /// Writes from every session, one write at a time each, paced by `writeInterval`, while
        /// `server` stops and starts again, until two seconds after its return. Returns the writes
        /// and the return's instant.
        static func writeThroughARestart(
            of server: FaultDatabaseServer, sessions: [FaultTests.Session], on api: RunningAPI
        ) async throws -> (writes: [Write], returned: ContinuousClock.Instant) {
            let returned = SharedValue<ContinuousClock.Instant?>(nil)
            // A minute at most, should the server never come back.
            let stopAt = SharedValue(ContinuousClock.now + .seconds(60))
            let writes = try await withThrowingTaskGroup(of: [Write].self) { group in
                group.addTask {
                    try await Task.sleep(for: .milliseconds(500))
                    try await server.stop()
                    // Down for longer than a request's bound, so that some writes fail.
                    try await Task.sleep(for: .milliseconds(1500))
                    try await server.start()
                    let now = ContinuousClock.now
                    returned.update { $0 = now }
                    stopAt.update { $0 = now + .seconds(2) }
                    return []
                }
                for (client, session) in sessions.enumerated() {
                    group.addTask {
                        var writes: [Write] = []
                        while ContinuousClock.now < stopAt.value {
                            let next = ContinuousClock.now + Self.writeInterval
                            writes.append(
                                try await write(name: "c\(client)-\(writes.count)", session: session, on: api))
                            try await Task.sleep(until: next, clock: .continuous)
                        }
                        return writes
                    }
                }
                var all: [Write] = []
                for try await writes in group { all += writes }
                return all
            }
            return (writes, try #require(returned.value))
        }

        /// One write from each session at the same time.
        static func writeConcurrently(sessions: [FaultTests.Session], on api: RunningAPI) async throws -> [Write] {
            try await withThrowingTaskGroup(of: Write.self) { group in
                for (client, session) in sessions.enumerated() {
                    group.addTask { try await write(name: "warm-\(client)", session: session, on: api) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }

        static func write(name: String, session: FaultTests.Session, on api: RunningAPI) async throws -> Write {
            let sent = ContinuousClock.now
            let reply = try await api.send(
                .POST, "/api/charts", headers: session.bearer + FaultTests.jsonHeaders,
                body: AccountsFlowTests.json(["name": name, "symbol": "NASDAQ:AAPL", "interval": "1h"]))
            return Write(
                name: name, status: reply.status, retryAfter: reply.headers["retry-after"].first, sent: sent,
                answered: .now)
        }

        /// How many charts bear each name.
        static func chartNames(in database: URLComponents) async throws -> [String: Int] {
            try await DatabaseBackedAPI.withConnection(to: database) { connection in
                var names: [String: Int] = [:]
                let rows = try await connection.query("SELECT name FROM charts", logger: RunningAPI.quiet)
                for name in try rows.decode(String.self) { names[name, default: 0] += 1 }
                return names
            }
        }
    }
}
