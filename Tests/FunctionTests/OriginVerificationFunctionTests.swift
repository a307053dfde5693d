import LocalHarness
import TestSupport
import Testing

/// The real executables refuse a request without CloudFront's origin header before anything
/// else: before ChronoViewFunction builds its services, reads a token or reaches the database.
@Suite struct OriginVerificationFunctionTests {
    static let secret = "function-tests-origin-secret-0123456789abcdefghijklmnopqrstuv"

    @Test func functionsRefuseRequestsThatSkipCloudFront() async throws {
        try await FunctionProcesses.with(
            ["Health", "Me", "NotFound"],
            environment: [
                "ORIGIN_VERIFY_SECRET": Self.secret,
                // Nothing listens there: a request that reaches the database gets a 503.
                "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none", "DATABASE_TIMEOUT_MS": "500",
            ]
        ) { lambda, _ in
            let requests = [
                ("Health", TestEvent("GET", "/api/health")),
                ("Me", TestEvent("GET", "/api/me").bearer("not-a-token")),
                ("NotFound", TestEvent("GET", "/api/{proxy+}", path: "/api/nothing-here")),
            ]
            for (function, event) in requests {
                for value in [nil, "wrong", String(Self.secret.dropLast())] {
                    var event = event
                    event.headers["x-origin-verify"] = value
                    let response = try await lambda.respond(function, to: event)
                    #expect(response.status == 404, "\(function) with \(String(describing: value))")
                    #expect(response.code == "not_found")
                }
            }

            let header = ["x-origin-verify": Self.secret]
            let health = try await lambda.respond("Health", to: TestEvent("GET", "/api/health", headers: header))
            #expect(health.status == 503, "admitted, the health check reaches the (unreachable) database")
            let me = try await lambda.respond(
                "Me", to: TestEvent("GET", "/api/me", headers: header).bearer("not-a-token"))
            #expect(me.status == 401, "admitted, the token is checked")
        }
    }
}
