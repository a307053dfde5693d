import Core
import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct ProfileTests {
    @Test func meNeedsABearerToken() async throws {
        try await TestDatabase.withServices { services in
            let me = AccountRoutes.me(services)
            let none = await TestEvent("GET", "/api/me").send(to: me)
            #expect(none.status == 401)
            #expect(none.header("www-authenticate") == "Bearer")
            let bad = await TestEvent("GET", "/api/me").bearer("not.a.jwt").send(to: me)
            #expect(bad.status == 401)
            #expect(bad.header("www-authenticate") == #"Bearer error="invalid_token""#)
            let basic = await TestEvent("GET", "/api/me", headers: ["authorization": "Basic dXNlcjpwYXNz"]).send(
                to: me)
            #expect(basic.status == 401)
        }
    }

    @Test func patchMeChangesTheDisplayName() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (_, access, _) = try await accounts.newSession()
            let patched = await TestEvent("PATCH", "/api/me", body: #"{"display_name":"  Chart Wizard "}"#).bearer(
                access
            ).send(to: accounts.me)
            #expect(patched.status == 200)
            #expect(patched.json["display_name"] as? String == "Chart Wizard")
            let invalid = await TestEvent("PATCH", "/api/me", body: #"{"display_name":""}"#).bearer(access).send(
                to: accounts.me)
            #expect(invalid.status == 422)
            #expect(invalid.errorFields == ["display_name"])
        }
    }

    @Test func aNullDisplayNameIsA422AndChangesNothing() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (_, access, _) = try await accounts.newSession()
            let before = await TestEvent("GET", "/api/me").bearer(access).send(to: accounts.me)
            let patched = await TestEvent("PATCH", "/api/me", body: #"{"display_name":null}"#).bearer(access).send(
                to: accounts.me)
            #expect(patched.status == 422)
            #expect(patched.errorCodes == ["display_name": "invalid_type"])
            let after = await TestEvent("GET", "/api/me").bearer(access).send(to: accounts.me)
            #expect(after.json["display_name"] as? String == before.json["display_name"] as? String)
        }
    }

    @Test func deletingTheAccountNeedsThePasswordAndEndsItsTokens() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let (email, access, refresh) = try await accounts.newSession()
            let wrong = await TestEvent("DELETE", "/api/me", body: #"{"password":"not the password"}"#).bearer(
                access
            ).send(to: accounts.me)
            #expect(wrong.status == 403)
            let deleted = await TestEvent(
                "DELETE", "/api/me", body: #"{"password":"\#(AccountFixtures.password)"}"#
            ).bearer(access).send(to: accounts.me)
            #expect(deleted.status == 204)
            #expect(await TestEvent("GET", "/api/me").bearer(access).send(to: accounts.me).status == 401)
            let renewed = await TestEvent("POST", "/api/token/refresh", body: #"{"refresh_token":"\#(refresh)"}"#)
                .send(to: accounts.sessions)
            #expect(renewed.status == 401)
            #expect(await accounts.signUp(email: email).status == 201, "the email is free again")
        }
    }

    @Test func unknownRoutesAreAProblem404() async throws {
        try await TestDatabase.withServices { services in
            let response = await TestEvent("GET", "/api/{proxy+}", path: "/api/nowhere").send(to: [:])
            #expect(response.status == 404)
            #expect(response.code == "not_found")
            #expect(response.header("content-type") == "application/problem+json")
            _ = services
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await TestDatabase.withServices { services in
            let response = await TestEvent("GET", "/api/health").send(to: HealthRoutes.health(services))
            #expect(response.status == 200)
            #expect(response.json["status"] as? String == "ok")
            #expect(response.json["database"] as? String == "ok")
        }
    }
}
