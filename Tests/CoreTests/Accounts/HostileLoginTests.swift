import Core
import Foundation
import Postgres
import TestSupport
import Testing

/// What a hostile client tries at login (API.md 1.1): passwords that bcrypt would cut, emails
/// that could never have signed up, and endless new emails to fill the throttle's table.
@Suite struct HostileLoginTests {
    static func count(_ sql: String, in services: ChronoViewServices) async throws -> Int {
        try await services.database.withConnection { connection in
            for count in try await connection.query(
                SQLQuery(unsafeSQL: sql), logger: TestDatabase.logger
            )
            .decode(Int.self) {
                return count
            }
            return 0
        }
    }

    static func execute(_ sql: String, in services: ChronoViewServices) async throws {
        try await services.database.withConnection { connection in
            _ = try await connection.query(SQLQuery(unsafeSQL: sql), logger: TestDatabase.logger)
        }
    }

    @Test func aPasswordLongerThan72BytesNeverLogsInThoughItsFirst72Match() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            let password = String(repeating: "p", count: 72)
            #expect(await accounts.signUp(email: email, password: password).status == 201)
            #expect(await accounts.logIn(email: email, password: password).status == 200)
            let longer = await accounts.logIn(email: email, password: password + "-anything")
            #expect(longer.status == 401)
            #expect(longer.code == "invalid_credentials")
        }
    }

    @Test func emailsThatCouldNeverSignUpAreAnOrdinaryFailedLogin() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            for email in [
                #"a\u0000b@example.com"#, String(repeating: "x", count: 3000) + "@example.com",
                #"tab\there@example.com"#,
                #"\u0085@example.com"#, "no-at-sign", "",
            ] {
                let response = await accounts.logIn(email: email)
                #expect(response.status == 401, "\(email.prefix(40))")
                #expect(response.code == "invalid_credentials", "\(email.prefix(40))")
            }
        }
    }

    @Test func theThrottleKeepsDigestsNeverEmails() async throws {
        try await TestDatabase.withServices { services in
            let email = AccountFixtures.uniqueEmail("ghost")
            _ = await AccountFixtures(services: services).logIn(email: email)
            let rows = try await Self.count("SELECT count(*)::int FROM failed_attempts", in: services)
            let digests = try await Self.count(
                "SELECT count(*)::int FROM failed_attempts WHERE octet_length(subject) = 32", in: services)
            let plaintextTables = try await Self.count(
                "SELECT count(*)::int FROM pg_class WHERE relname = 'failed_logins'", in: services)
            #expect(rows == 1)
            #expect(digests == 1)
            #expect(plaintextTables == 0)
        }
    }

    @Test func expiredThrottleRowsArePurgedInBoundedBatches() async throws {
        try await TestDatabase.withServices { services in
            try await Self.execute(
                """
                INSERT INTO failed_attempts (subject, attempted_at)
                SELECT sha256(i::text::bytea), now() - interval '1 day' FROM generate_series(1, 250) AS i
                """, in: services)
            let accounts = AccountFixtures(services: services)
            let expired = "SELECT count(*)::int FROM failed_attempts WHERE attempted_at < now() - interval '1 hour'"
            _ = await accounts.logIn(email: AccountFixtures.uniqueEmail("flood"))
            #expect(try await Self.count(expired, in: services) == 150)
            _ = await accounts.logIn(email: AccountFixtures.uniqueEmail("flood"))
            _ = await accounts.logIn(email: AccountFixtures.uniqueEmail("flood"))
            #expect(try await Self.count(expired, in: services) == 0)
            #expect(try await Self.count("SELECT count(*)::int FROM failed_attempts", in: services) == 3)
        }
    }

    @Test func refreshTokensADayPastTheirExpiryArePurgedByLogins() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (email, _, _) = try await accounts.newSession()
            try await Self.execute(
                """
                INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at)
                SELECT sha256(i::text::bytea), gen_random_uuid(), (SELECT id FROM users LIMIT 1),
                    now() - interval '2 days'
                FROM generate_series(1, 150) AS i
                """, in: services)
            #expect(await accounts.logIn(email: email).status == 200)
            let expired = "SELECT count(*)::int FROM refresh_tokens WHERE expires_at < now()"
            #expect(try await Self.count(expired, in: services) == 50)
            #expect(await accounts.logIn(email: email).status == 200)
            #expect(try await Self.count(expired, in: services) == 0)
            #expect(try await Self.count("SELECT count(*)::int FROM refresh_tokens", in: services) == 3)
        }
    }
}
