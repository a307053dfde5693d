import Foundation
import LocalHarness
import NIOCore
import Synchronization
import TestSupport
import Testing

@Suite struct AccountFunctionTests {
    static let accountFunctions = ["Migrate", "CreateUser", "Login", "Me", "Sessions", "Health", "NotFound"]

    @Test func theAccountFunctionsServeTheAccountsFlowAsProcesses() async throws {
        try await FunctionProcesses.with(Self.accountFunctions) { lambda, _ in
            let migrated = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            #expect(migrated.errorType == nil)
            let applied = try JSONSerialization.jsonObject(with: Data(migrated.payload.readableBytesView))
            #expect(((applied as? [String: Any])?["applied"] as? [Int])?.isEmpty == false)

            let email = "flow-\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let credentials = #"{"email":"\#(email)","password":"a long password"}"#
            let created = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: credentials))
            #expect(created.status == 201)
            #expect(created.header("location") == "/api/me")
            #expect(created.header("x-request-id") != nil)

            let session = try await lambda.respond("Login", to: TestEvent("POST", "/api/login", body: credentials))
            #expect(session.status == 200)
            let access = try #require(session.json["access_token"] as? String)
            let refresh = try #require(session.json["refresh_token"] as? String)

            let me = try await lambda.respond(
                "Me", to: TestEvent("GET", "/api/me", headers: ["authorization": "Bearer \(access)"]))
            #expect(me.status == 200)
            #expect(me.json["email"] as? String == email)

            let renewed = try await lambda.respond(
                "Sessions",
                to: TestEvent(
                    "POST", "/api/token/refresh", body: #"{"refresh_token":"\#(refresh)"}"#
                ))
            #expect(renewed.status == 200)

            let health = try await lambda.respond("Health", to: TestEvent("GET", "/api/health"))
            #expect(health.status == 200)

            let missing = try await lambda.respond(
                "NotFound", to: TestEvent("GET", "/api/{proxy+}", path: "/api/nothing-here"))
            #expect(missing.status == 404)
            #expect(missing.header("content-type") == "application/problem+json")
            #expect(missing.json["code"] as? String == "not_found")
        }
    }

    @Test func warmEnvironmentsServeLaterInvocationsWithOneConnection() async throws {
        try await FunctionProcesses.with(["Migrate", "Health"]) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            var reports: [InvocationReport] = []
            for _ in 0..<5 {
                let result = try await lambda.invoke(
                    "Health", payload: TestEvent("GET", "/api/health").payload)
                #expect(try TestResponse(payload: result.payload).status == 200)
                reports.append(result.report)
            }
            #expect(lambda.statistics(for: "Health")?.spawns == 1)
            #expect(reports.first?.initDuration != nil)
            #expect(reports.dropFirst().allSatisfy { $0.initDuration == nil })
        }
    }

    @Test func anUndecodableEventIsAReportedErrorAndTheEnvironmentGoesOn() async throws {
        try await FunctionProcesses.with(["Health"]) { lambda, _ in
            let broken = try await lambda.invoke("Health", payload: ByteBuffer(string: "[1,2,3]"))
            #expect(broken.errorType == "Runtime.UnmarshalError")
            let healthy = try await lambda.invoke(
                "Health", payload: TestEvent("GET", "/api/health").payload)
            #expect(try TestResponse(payload: healthy.payload).status == 200)
            #expect(lambda.statistics(for: "Health")?.spawns == 1)
        }
    }

    @Test func aMissingSettingIsAnInitErrorNamingTheVariableWithoutLeakingSecrets() async throws {
        let lines = Mutex<[String]>([])
        try await FunctionProcesses.with(
            ["Login"], environment: ["JWT_SECRET": "short-secret-value"],
            outputHandler: { line in lines.withLock { $0.append(line.text) } }
        ) { lambda, _ in
            let result = try await lambda.invoke(
                "Login", payload: TestEvent("POST", "/api/login", body: "{}").payload)
            let errorType = try #require(result.errorType)
            #expect(errorType.contains("Init") || errorType.contains("ConfigurationError"))
            let document = String(buffer: result.payload)
            #expect(document.contains("JWT_SECRET"))
            #expect(!document.contains("short-secret-value"))
        }
        #expect(lines.withLock { $0.allSatisfy { !$0.contains("short-secret-value") } })
    }

    @Test func anUnreachableDatabaseIsA503NotACrash() async throws {
        try await FunctionProcesses.with(
            ["Health"],
            environment: ["DATABASE_URL": "postgres://nobody@127.0.0.1:9/none", "DATABASE_TIMEOUT_MS": "500"]
        ) { lambda, _ in
            let result = try await lambda.invoke(
                "Health", payload: TestEvent("GET", "/api/health").payload)
            #expect(result.errorType == nil)
            let response = try TestResponse(payload: result.payload)
            #expect(response.status == 503)
            #expect(response.header("retry-after") == "1")
            #expect(response.json["code"] as? String == "unavailable")
        }
    }
}
