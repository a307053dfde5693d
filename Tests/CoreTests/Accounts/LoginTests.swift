import Core
import Foundation
import TestSupport
import Testing

@Suite struct LoginTests {
    @Test func loginOpensASessionWhoseAccessTokenServesMe() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email)
            let session = await accounts.logIn(email: "  \(email.uppercased())")
            #expect(session.status == 200)
            #expect(session.json["token_type"] as? String == "Bearer")
            #expect(session.json["expires_in"] as? Int == 900)
            #expect((session.json["refresh_token"] as? String)?.count ?? 0 >= 43)
            #expect((session.json["user"] as? [String: Any])?["email"] as? String == email)
            let token = try #require(session.json["access_token"] as? String)
            let me = await TestEvent("GET", "/api/me").bearer(token).send(to: accounts.me)
            #expect(me.status == 200)
            #expect(me.json["email"] as? String == email)
        }
    }

    @Test func unknownEmailAndWrongPasswordGetTheSameAnswer() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email)
            let wrongPassword = await accounts.logIn(email: email, password: "not the password")
            let unknownEmail = await accounts.logIn(email: AccountFixtures.uniqueEmail(), password: "not the password")
            #expect(wrongPassword.status == 401)
            #expect(unknownEmail.status == 401)
            #expect(wrongPassword.code == "invalid_credentials")
            #expect(wrongPassword.body == unknownEmail.body)
            #expect(wrongPassword.header("www-authenticate") == unknownEmail.header("www-authenticate"))
        }
    }

    @Test func missingOrMistypedLoginFieldsAreA422NotA401() async throws {
        try await TestDatabase.withServices { services in
            let login = AccountRoutes.login(services)
            let missing = await TestEvent("POST", "/api/login", body: #"{"email":"a@example.com"}"#).send(to: login)
            #expect(missing.status == 422)
            #expect(missing.errorFields == ["password"])
            let mistyped = await TestEvent("POST", "/api/login", body: #"{"email":["a"],"password":1}"#).send(
                to: login)
            #expect(mistyped.status == 422)
            #expect(Set(mistyped.errorFields) == ["email", "password"])
        }
    }

    @Test func fiveFailuresLockTheEmailEvenForTheRightPassword() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email)
            let (_, openAccess, _) = try await accounts.newSession()
            for _ in 0..<5 {
                #expect(await accounts.logIn(email: email, password: "wrong password").status == 401)
            }
            let locked = await accounts.logIn(email: email.uppercased())
            #expect(locked.status == 429)
            #expect(locked.code == "too_many_attempts")
            let retryAfter = try #require(locked.header("retry-after").flatMap(Int.init))
            #expect((1...900).contains(retryAfter))
            // Other sessions keep working.
            #expect(await TestEvent("GET", "/api/me").bearer(openAccess).send(to: accounts.me).status == 200)
        }
    }

    @Test func unknownEmailsAreThrottledToo() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail("ghost")
            for _ in 0..<5 { _ = await accounts.logIn(email: email) }
            #expect(await accounts.logIn(email: email).status == 429)
        }
    }

    @Test func twentyConcurrentWrongGuessesGetAtMostFive401s() async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email)
            let statuses = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { await accounts.logIn(email: email, password: "wrong guess").status } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count <= 5)
            #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 })
        }
    }

    @Test func aSuccessfulLoginClearsEarlierFailures() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email)
            for _ in 0..<4 { _ = await accounts.logIn(email: email, password: "wrong password") }
            #expect(await accounts.logIn(email: email).status == 200)
            for _ in 0..<4 { _ = await accounts.logIn(email: email, password: "wrong password") }
            #expect(await accounts.logIn(email: email).status == 200)
        }
    }
}
