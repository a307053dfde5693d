import Core
import Foundation
import TestSupport
import Testing

/// Wrong current passwords on PUT /api/me/password and DELETE /api/me are throttled per user
/// (API.md 1.1): a stolen 15-minute access token does not allow unlimited guesses.
@Suite struct CurrentPasswordThrottleTests {
    static func changePassword(_ accounts: AccountFixtures, _ token: String, current: String) async -> TestResponse {
        await TestEvent(
            "PUT", "/api/me/password",
            body: #"{"current_password":"\#(current)","new_password":"a brand new password"}"#
        ).bearer(token).send(to: accounts.me)
    }

    @Test func fiveWrongCurrentPasswordsLockTheUserEvenForTheRightOne() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (_, token, _) = try await accounts.newSession()
            let (_, otherToken, _) = try await accounts.newSession()
            for guess in 0..<4 {
                #expect(await Self.changePassword(accounts, token, current: "guess number \(guess)").status == 403)
            }
            // Account deletion counts against the same user.
            let deletion = await TestEvent("DELETE", "/api/me", body: #"{"password":"one more guess"}"#)
                .bearer(token).send(to: accounts.me)
            #expect(deletion.status == 403)
            let locked = await Self.changePassword(accounts, token, current: AccountFixtures.password)
            #expect(locked.status == 429)
            #expect(locked.code == "too_many_attempts")
            #expect((1...900).contains(locked.header("retry-after").flatMap(Int.init) ?? 0))
            // Another user is not affected, and the locked one can still use the API.
            #expect(await Self.changePassword(accounts, otherToken, current: AccountFixtures.password).status == 204)
            #expect(await TestEvent("GET", "/api/me").bearer(token).send(to: accounts.me).status == 200)
        }
    }

    @Test func aRightPasswordClearsEarlierWrongOnes() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (_, token, _) = try await accounts.newSession()
            for _ in 0..<4 { _ = await Self.changePassword(accounts, token, current: "wrong password") }
            let changed = await TestEvent(
                "PUT", "/api/me/password",
                body:
                    #"{"current_password":"\#(AccountFixtures.password)","new_password":"\#(AccountFixtures.password)"}"#
            ).bearer(token).send(to: accounts.me)
            #expect(changed.status == 204)
            for _ in 0..<4 {
                #expect(await Self.changePassword(accounts, token, current: "wrong password").status == 403)
            }
        }
    }

    @Test func twentyConcurrentWrongGuessesGetAtMostFive403s() async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let accounts = AccountFixtures(services: services)
            let (_, token, _) = try await accounts.newSession()
            let statuses = await withTaskGroup(of: Int.self) { group in
                for index in 0..<20 {
                    group.addTask { await Self.changePassword(accounts, token, current: "guess \(index)").status }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 403 }.count <= 5)
            #expect(statuses.allSatisfy { $0 == 403 || $0 == 429 })
        }
    }

    @Test func aCurrentPasswordOver72BytesIsWrongEvenWhenItsFirst72Match() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let password = String(repeating: "q", count: 72)
            let email = AccountFixtures.uniqueEmail()
            _ = await accounts.signUp(email: email, password: password)
            let token = try #require(
                await accounts.logIn(email: email, password: password).json["access_token"] as? String)
            #expect(await Self.changePassword(accounts, token, current: password + "x").status == 403)
        }
    }
}
