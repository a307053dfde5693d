import Foundation
import LocalHarness
import NIOHTTP1
import Postgres
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension FaultTests {
    /// An environment killed in the middle of an invocation, between two writes of one
    /// transaction.
    @Suite struct KilledEnvironmentTests {
        @Test func aKilledEnvironmentGets502AndLeavesNoPartialWrite() async throws {
            try await FaultTests.withAPI { backed in
                let api = backed.api
                let session = try await FaultTests.signUpAndLogIn("killed@example.com", on: api)
                let change = AccountsFlowTests.json([
                    "current_password": FaultTests.password, "new_password": "a brand new passphrase",
                ])
                let headers = session.bearer + FaultTests.jsonHeaders
                // A password change writes the new hash, then revokes the refresh tokens. With
                // the tokens' table locked, the function stops between the two, inside its
                // transaction, where it is killed.
                let killed = try await DatabaseBackedAPI.withConnection(to: backed.database) { lock in
                    try await lock.query("BEGIN", logger: RunningAPI.quiet)
                    try await lock.query("LOCK TABLE refresh_tokens IN EXCLUSIVE MODE", logger: RunningAPI.quiet)
                    let reply = Task { try await api.send(.PUT, "/api/me/password", headers: headers, body: change) }
                    try await Self.waitForALockWait(in: backed.database)
                    let killed = try FaultTests.processIDs(of: "Me", in: api)
                    try #require(killed.count == 1)
                    FaultTests.send(SIGKILL, to: killed[0])
                    let answer = try await reply.value
                    #expect(answer.status == 502, "\(answer.text)")
                    #expect(answer.text == #"{"message":"Internal Server Error"}"#)
                    try await lock.query("ROLLBACK", logger: RunningAPI.quiet)
                    return killed
                }

                // Nothing of the killed transaction shows: the old password still logs in.
                let oldPassword = AccountsFlowTests.json([
                    "email": "killed@example.com", "password": FaultTests.password,
                ])
                let login = try await api.send(.POST, "/api/login", headers: FaultTests.jsonHeaders, body: oldPassword)
                #expect(login.status == 200, "\(login.text)")

                // The next request gets a fresh environment, which completes the change.
                let retried = try await api.send(.PUT, "/api/me/password", headers: headers, body: change)
                #expect(retried.status == 204, "\(retried.text)")
                let fresh = try FaultTests.processIDs(of: "Me", in: api)
                #expect(fresh.count == 1 && fresh != killed)
            }
        }

        /// Waits, 20 s at most, until a session of `database` waits for a lock.
        static func waitForALockWait(in database: URLComponents) async throws {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                let waiting = try await FaultTests.integer(
                    "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND wait_event_type = 'Lock'",
                    on: database)
                if waiting > 0 { return }
                try await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("no session came to wait for the lock")
            throw CancellationError()
        }
    }
}
