import Core
import Foundation
import TestSupport
import Testing

@Suite struct SessionTests {
    func refresh(_ token: String, _ accounts: AccountFixtures) async -> TestResponse {
        await TestEvent("POST", "/api/token/refresh", body: #"{"refresh_token":"\#(token)"}"#).send(
            to: accounts.sessions)
    }

    func logout(_ token: String, _ accounts: AccountFixtures) async -> TestResponse {
        await TestEvent("POST", "/api/logout", body: #"{"refresh_token":"\#(token)"}"#).send(to: accounts.sessions)
    }

    @Test func refreshReturnsANewPairAndSpendsTheOldToken() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (_, _, first) = try await accounts.newSession()
            let renewed = await refresh(first, accounts)
            #expect(renewed.status == 200)
            let second = try #require(renewed.json["refresh_token"] as? String)
            #expect(second != first)
            let access = try #require(renewed.json["access_token"] as? String)
            #expect(await TestEvent("GET", "/api/me").bearer(access).send(to: accounts.me).status == 200)
            #expect(await refresh(second, accounts).status == 200)
        }
    }

    @Test func presentingASpentTokenRevokesItsWholeFamily() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (email, _, first) = try await accounts.newSession()
            let other = try #require(await accounts.logIn(email: email).json["refresh_token"] as? String)
            let second = try #require(await refresh(first, accounts).json["refresh_token"] as? String)
            let reuse = await refresh(first, accounts)
            #expect(reuse.status == 401)
            #expect(reuse.code == "unauthorized")
            #expect(await refresh(second, accounts).status == 401, "the family is revoked")
            #expect(await refresh(other, accounts).status == 200, "another login is untouched")
        }
    }

    @Test func twoConcurrentRefreshesWithOneTokenLetAtMostOneWin() async throws {
        try await TestDatabase.withServices(poolSize: 4) { services in
            let accounts = AccountFixtures(services: services)
            let (_, _, token) = try await accounts.newSession()
            async let first = refresh(token, accounts)
            async let second = refresh(token, accounts)
            let statuses = await [first.status, second.status]
            #expect(statuses.filter { $0 == 200 }.count <= 1)
            #expect(statuses.contains(401))
        }
    }

    @Test func unknownRefreshTokenIs401AndLogoutOfItIs204() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            #expect(await refresh("not-a-token", accounts).status == 401)
            #expect(await logout("not-a-token", accounts).status == 204)
            let missing = await TestEvent("POST", "/api/token/refresh", body: "{}").send(to: accounts.sessions)
            #expect(missing.status == 422)
            #expect(missing.errorFields == ["refresh_token"])
        }
    }

    @Test func logoutEndsOnlyThatLoginAndIsIdempotent() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (email, _, token) = try await accounts.newSession()
            let other = try #require(await accounts.logIn(email: email).json["refresh_token"] as? String)
            #expect(await logout(token, accounts).status == 204)
            #expect(await logout(token, accounts).status == 204)
            #expect(await refresh(token, accounts).status == 401)
            #expect(await refresh(other, accounts).status == 200)
        }
    }

    @Test func passwordChangeRevokesEveryLoginOfTheUser() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (email, access, token) = try await accounts.newSession()
            let other = try #require(await accounts.logIn(email: email).json["refresh_token"] as? String)
            let wrong = await TestEvent(
                "PUT", "/api/me/password",
                body: #"{"current_password":"not it at all","new_password":"a new password"}"#
            ).bearer(access).send(to: accounts.me)
            #expect(wrong.status == 403)
            #expect(wrong.code == "invalid_credentials")
            let weak = await TestEvent(
                "PUT", "/api/me/password",
                body: #"{"current_password":"\#(AccountFixtures.password)","new_password":"short"}"#
            ).bearer(access).send(to: accounts.me)
            #expect(weak.status == 422)
            #expect(weak.errorFields == ["new_password"])
            let changed = await TestEvent(
                "PUT", "/api/me/password",
                body: #"{"current_password":"\#(AccountFixtures.password)","new_password":"a new password"}"#
            ).bearer(access).send(to: accounts.me)
            #expect(changed.status == 204)
            #expect(await refresh(token, accounts).status == 401)
            #expect(await refresh(other, accounts).status == 401)
            #expect(await accounts.logIn(email: email).status == 401)
            #expect(await accounts.logIn(email: email, password: "a new password").status == 200)
        }
    }
}
