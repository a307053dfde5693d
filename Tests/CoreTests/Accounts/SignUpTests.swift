import Core
import Foundation
import TestSupport
import Testing

@Suite struct SignUpTests {
    @Test func signUpReturnsTheUserWithLowercasedEmailAndLocation() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail("Mixed")
            let response = await accounts.signUp(email: "  \(email.uppercased())  ")
            #expect(response.status == 201)
            #expect(response.header("location") == "/api/me")
            #expect(response.header("content-type") == "application/json")
            #expect(response.header("x-request-id") == response.requestID)
            #expect(response.json["email"] as? String == email.lowercased())
            #expect(response.json["display_name"] as? String == String(email.lowercased().prefix { $0 != "@" }))
            let id = try #require(response.json["id"] as? String)
            #expect(UUID(uuidString: id) != nil)
            #expect(id.dropFirst(14).first == "7", "ids are UUIDv7")
            let createdAt = try #require(response.json["created_at"] as? String)
            #expect(createdAt.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
            #expect(response.json["password_hash"] == nil)
        }
    }

    @Test func emailIsUniqueCaseInsensitively() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            #expect(await accounts.signUp(email: email).status == 201)
            let again = await accounts.signUp(email: email.uppercased())
            #expect(again.status == 409)
            #expect(again.code == "email_taken")
            #expect(again.header("content-type") == "application/problem+json")
        }
    }

    @Test func twentyConcurrentSignUpsWithOneEmailCreateOneAccount() async throws {
        try await TestDatabase.withServices(poolSize: 8) { services in
            let accounts = AccountFixtures(services: services)
            let email = AccountFixtures.uniqueEmail()
            let statuses = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { await accounts.signUp(email: email).status } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1)
            #expect(statuses.filter { $0 == 409 }.count == 19)
        }
    }

    @Test(arguments: [
        (#"{"password":"long enough"}"#, "email", "required"),
        (#"{"email":42,"password":"long enough"}"#, "email", "invalid_type"),
        (#"{"email":"no-at-sign.example.com","password":"long enough"}"#, "email", "invalid"),
        (#"{"email":"a@b@example.com","password":"long enough"}"#, "email", "invalid"),
        (#"{"email":"@example.com","password":"long enough"}"#, "email", "invalid"),
        (#"{"email":"user@localhost","password":"long enough"}"#, "email", "invalid"),
        (#"{"email":"user@example.com"}"#, "password", "required"),
        (#"{"email":"user@example.com","password":"short7!"}"#, "password", "too_short"),
        (#"{"email":"user@example.com","password":null}"#, "password", "invalid_type"),
        (#"{"email":"user@example.com","password":"long enough","display_name":null}"#, "display_name", "invalid_type"),
        (#"{"email":"user@example.com","password":"long enough","display_name":"   "}"#, "display_name", "too_short"),
        (
            #"{"email":"user@example.com","password":"long enough","display_name":"a\u0007b"}"#, "display_name",
            "invalid"
        ),
        (#"{"email":"user@example.com","password":"long enough","display_name":7}"#, "display_name", "invalid_type"),
    ])
    func invalidFieldsAreA422NamingTheField(body: String, field: String, code: String) async throws {
        try await TestDatabase.withServices { services in
            let response = await TestEvent("POST", "/api/users", body: body).send(
                to: AccountRoutes.createUser(services))
            #expect(response.status == 422)
            #expect(response.code == "validation_failed")
            let errors = try #require(response.json["errors"] as? [[String: Any]])
            let error = try #require(errors.first { $0["field"] as? String == field })
            #expect(error["code"] as? String == code)
        }
    }

    @Test func passwordsAreMeasuredInUTF8Bytes() async throws {
        try await TestDatabase.withServices { services in
            let accounts = AccountFixtures(services: services)
            // 24 three-byte characters are 72 bytes: the most bcrypt reads.
            let longest = String(repeating: "€", count: 24)
            #expect(await accounts.signUp(password: longest).status == 201)
            let tooLong = await accounts.signUp(password: longest + "x")
            #expect(tooLong.status == 422)
            #expect(tooLong.errorFields == ["password"])
            #expect(await accounts.signUp(password: "12345678").status == 201)
        }
    }

    @Test func longestDisplayNameIsAccepted() async throws {
        try await TestDatabase.withServices { services in
            let routes = AccountRoutes.createUser(services)
            func signUp(name: String) async -> TestResponse {
                await TestEvent(
                    "POST", "/api/users",
                    body:
                        #"{"email":"\#(AccountFixtures.uniqueEmail())","password":"long enough","display_name":"\#(name)"}"#
                ).send(to: routes)
            }
            let sixtyFour = String(repeating: "ü", count: 64)
            let accepted = await signUp(name: "  \(sixtyFour)  ")
            #expect(accepted.status == 201)
            #expect(accepted.json["display_name"] as? String == sixtyFour)
            #expect(await signUp(name: sixtyFour + "x").status == 422)
        }
    }

    @Test(arguments: ["", "not json", "[1,2]", "\"text\"", "{\"email\":"])
    func bodiesThatAreNotJSONObjectsAreA400(body: String) async throws {
        try await TestDatabase.withServices { services in
            let response = await TestEvent("POST", "/api/users", body: body).send(
                to: AccountRoutes.createUser(services))
            #expect(response.status == 400)
            #expect(response.code == "invalid_json")
        }
    }

    @Test func declaredBodyOver256KiBIsA413BeforeReadingIt() async throws {
        try await TestDatabase.withServices { services in
            let declared = await TestEvent(
                "POST", "/api/users", headers: ["content-length": String(256 * 1024 + 1)], body: "{}"
            ).send(to: AccountRoutes.createUser(services))
            #expect(declared.status == 413)
            #expect(declared.code == "payload_too_large")
            let actual = await TestEvent("POST", "/api/users", body: String(repeating: " ", count: 256 * 1024) + "{}")
                .send(to: AccountRoutes.createUser(services))
            #expect(actual.status == 413)
        }
    }
}
