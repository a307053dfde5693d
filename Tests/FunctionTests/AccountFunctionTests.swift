import Foundation
import LocalHarness
import NIOCore
import Synchronization
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
            let created = try HTTPResult(
                try await lambda.invoke(
                    "CreateUser", payload: HTTPEvent(method: "POST", route: "/api/users", body: credentials).payload
                ).payload)
            #expect(created.statusCode == 201)
            #expect(created.headers["location"] == "/api/me")
            #expect(created.headers["x-request-id"] != nil)

            let session = try HTTPResult(
                try await lambda.invoke(
                    "Login", payload: HTTPEvent(method: "POST", route: "/api/login", body: credentials).payload
                ).payload)
            #expect(session.statusCode == 200)
            let access = try #require(session.json["access_token"] as? String)
            let refresh = try #require(session.json["refresh_token"] as? String)

            let me = try HTTPResult(
                try await lambda.invoke(
                    "Me",
                    payload: HTTPEvent(method: "GET", route: "/api/me", headers: ["authorization": "Bearer \(access)"])
                        .payload
                ).payload)
            #expect(me.statusCode == 200)
            #expect(me.json["email"] as? String == email)

            let renewed = try HTTPResult(
                try await lambda.invoke(
                    "Sessions",
                    payload: HTTPEvent(
                        method: "POST", route: "/api/token/refresh", body: #"{"refresh_token":"\#(refresh)"}"#
                    )
                    .payload
                ).payload)
            #expect(renewed.statusCode == 200)

            let health = try HTTPResult(
                try await lambda.invoke("Health", payload: HTTPEvent(method: "GET", route: "/api/health").payload)
                    .payload)
            #expect(health.statusCode == 200)

            let missing = try HTTPResult(
                try await lambda.invoke(
                    "NotFound",
                    payload: HTTPEvent(method: "GET", route: "/api/{proxy+}", path: "/api/nothing-here").payload
                ).payload)
            #expect(missing.statusCode == 404)
            #expect(missing.headers["content-type"] == "application/problem+json")
            #expect(missing.json["code"] as? String == "not_found")
        }
    }

    @Test func warmEnvironmentsServeLaterInvocationsWithOneConnection() async throws {
        try await FunctionProcesses.with(["Migrate", "Health"]) { lambda, _ in
            _ = try await lambda.invoke("Migrate", payload: ByteBuffer(string: "{}"))
            var reports: [InvocationReport] = []
            for _ in 0..<5 {
                let result = try await lambda.invoke(
                    "Health", payload: HTTPEvent(method: "GET", route: "/api/health").payload)
                #expect(try HTTPResult(result.payload).statusCode == 200)
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
                "Health", payload: HTTPEvent(method: "GET", route: "/api/health").payload)
            #expect(try HTTPResult(healthy.payload).statusCode == 200)
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
                "Login", payload: HTTPEvent(method: "POST", route: "/api/login", body: "{}").payload)
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
                "Health", payload: HTTPEvent(method: "GET", route: "/api/health").payload)
            #expect(result.errorType == nil)
            let response = try HTTPResult(result.payload)
            #expect(response.statusCode == 503)
            #expect(response.headers["retry-after"] == "1")
            #expect(response.json["code"] as? String == "unavailable")
        }
    }
}
