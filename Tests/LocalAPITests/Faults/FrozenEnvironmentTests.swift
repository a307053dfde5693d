import Foundation
import LocalHarness
import NIOHTTP1
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension FaultTests {
    /// Lambda freezes an environment between invocations, for as long as it likes; the
    /// database does not wait, and ends sessions that stay idle past its timeout.
    @Suite struct FrozenEnvironmentTests {
        @Test func aFrozenEnvironmentServesOnceThawedAfterTheDatabaseEndedItsSession() async throws {
            try await FaultTests.withAPI { backed in
                let api = backed.api
                let name = String(backed.database.path.dropFirst())
                // RDS Proxy's IdleClientTimeout, shortened: the server ends sessions idle for 1 s.
                try await DatabaseBackedAPI.execute(
                    "ALTER DATABASE \(name) SET idle_session_timeout = '1s'", on: backed.database)
                let session = try await FaultTests.signUpAndLogIn("frozen@example.com", on: api)
                let first = try await api.send(.GET, "/api/me", headers: session.bearer)
                #expect(first.status == 200, "\(first.text)")
                let processIDs = try FaultTests.processIDs(of: "Me", in: api)
                let processID = try #require(processIDs.first)
                try #require(processIDs.count == 1)

                FaultTests.send(SIGSTOP, to: processID)
                var thawed = false
                defer { if !thawed { FaultTests.send(SIGCONT, to: processID) } }
                try await Task.sleep(for: .milliseconds(2500))
                let sessions = try await FaultTests.integer(
                    "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND application_name = 'Me'",
                    on: backed.database)
                #expect(sessions == 0, "the server was to end the frozen environment's session")

                // As on Lambda, the invocation is what thaws the environment: it finds the event
                // and its dead connection together.
                let reply = Task { try await api.send(.GET, "/api/me", headers: session.bearer) }
                try await Task.sleep(for: .milliseconds(300))
                FaultTests.send(SIGCONT, to: processID)
                thawed = true
                let second = try await reply.value
                #expect(second.status == 200, "\(second.text)")
                #expect(try FaultTests.processIDs(of: "Me", in: api) == [processID])
            }
        }
    }
}
