import Core
import Foundation
import LambdaEvents
import Logging
import NIOCore
import NIOPosix
import Postgres
import Runtime
import Synchronization
import TestSupport
import Testing

/// Requests that skip CloudFront (and its WAF) are refused before any work: the API functions
/// compare the secret `x-origin-verify` header CloudFront adds (template.yaml) before an endpoint
/// runs, a token is read or the database is touched.
@Suite struct OriginVerificationTests {
    static let secret = "Zq7origin0verify1secret2value3for4tests5only6abcdefghijklmnop"
    static let configured = OriginVerification(environment: EnvironmentVariables(["ORIGIN_VERIFY_SECRET": secret]))

    @Test func aRequestWithoutTheHeaderIsRefusedBeforeTheTokenOrTheDatabase() async throws {
        try await Self.withUnreachableDatabase { services in
            let spy = EndpointSpy()
            let routes = Self.routes(services, spy: spy)

            for event in Self.requests(token: "not-a-token") {
                let response = await Self.send(event, to: routes, checking: Self.configured)
                #expect(response.status == 404, "\(event.routeKey)")
                #expect(response.code == "not_found", "\(event.routeKey)")
                #expect(response.header("content-type") == "application/problem+json")
                #expect(response.header("x-request-id") != nil)
            }
            // Admitted, the same requests reach the database (a 503: nothing listens there) and
            // the token check (a 401): the 404s above came before either.
            #expect(spy.calls == 0)
        }
    }

    @Test func theRightHeaderLetsTheRequestProceed() async throws {
        try await Self.withUnreachableDatabase { services in
            let spy = EndpointSpy()
            let routes = Self.routes(services, spy: spy)
            let header = [OriginVerification.headerName: Self.secret]

            let health = await Self.send(TestEvent("GET", "/api/health", headers: header), to: routes)
            #expect(health.status == 503, "the health check did not reach the database")
            #expect(health.code == "unavailable")
            var me = TestEvent("GET", "/api/me", headers: header).bearer("not-a-token")
            #expect(await Self.send(me, to: routes).status == 401, "the token was not checked")
            // Header names are case-insensitive; API Gateway lower-cases them anyway.
            me.headers = ["X-Origin-Verify": Self.secret]
            #expect(await Self.send(me, to: routes).status == 401)
            #expect(await Self.send(TestEvent("GET", "/test/spy", headers: header), to: routes).status == 204)
            #expect(spy.calls == 1)
        }
    }

    /// Only the exact value: no prefix, suffix, padding, case change, repetition or empty value.
    @Test func theComparisonIsExact() async {
        let spy = EndpointSpy()
        let routes = ["GET /test/spy": spy.endpoint]
        let secret = Self.secret
        let lastChanged = String(secret.dropLast()) + (secret.last == "p" ? "q" : "p")
        let wrong = [
            "", " ", String(secret.dropLast()), secret + "x", "x" + secret, " " + secret, secret + " ",
            secret.uppercased(), secret.lowercased(), "\(secret),\(secret)", lastChanged, String(secret.prefix(1)),
            String(repeating: "a", count: secret.count),
        ]
        for value in wrong {
            let response = await Self.send(
                TestEvent("GET", "/test/spy", headers: [OriginVerification.headerName: value]), to: routes)
            #expect(response.status == 404, "\(value.debugDescription) was accepted")
        }
        #expect(spy.calls == 0)
        let right = await Self.send(
            TestEvent("GET", "/test/spy", headers: [OriginVerification.headerName: secret]), to: routes)
        #expect(right.status == 204)
    }

    /// Local runs and tests name no origin secret: nothing is checked.
    @Test func withoutASecretThereIsNoCheck() async {
        let spy = EndpointSpy()
        let routes = ["GET /test/spy": spy.endpoint]
        let unconfigured = OriginVerification(environment: EnvironmentVariables(["PGHOST": "localhost"]))
        #expect(!unconfigured.isEnabled && !OriginVerification.off.isEnabled && Self.configured.isEnabled)
        #expect(await Self.send(TestEvent("GET", "/test/spy"), to: routes, checking: unconfigured).status == 204)
        #expect(await Self.send(TestEvent("GET", "/test/spy"), to: routes, checking: .off).status == 204)
        #expect(spy.calls == 2)
    }

    /// Deployed, the value comes from Secrets Manager, once per execution environment: the
    /// current version, and the pending and previous ones while a rotation is under way.
    @Test func theSecretIsReadOncePerEnvironmentWithItsRotationStages() async {
        let reads = Recorder<[String]>([])
        let versions = ["AWSCURRENT": "current-value-0123456789", "AWSPENDING": "pending-value-0123456789"]
        let verification = OriginVerification(
            environment: EnvironmentVariables([
                "ORIGIN_VERIFY_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:origin-AbCdEf",
                "ORIGIN_VERIFY_SECRET": "ignored-when-an-arn-is-given",
            ]),
            readSecret: { id, stage, _ in
                reads.update { $0.append(stage) }
                #expect(id.hasSuffix(":secret:origin-AbCdEf"))
                guard let value = versions[stage] else {
                    throw SecretsExtensionClient.Failure.status(400, "no such stage")
                }
                return value
            })
        let spy = EndpointSpy()
        let routes = ["GET /test/spy": spy.endpoint]
        for (value, status) in [
            ("current-value-0123456789", 204), ("pending-value-0123456789", 204),
            ("ignored-when-an-arn-is-given", 404), ("previous-value-0123456789", 404),
        ] {
            let event = TestEvent("GET", "/test/spy", headers: [OriginVerification.headerName: value])
            #expect(await Self.send(event, to: routes, checking: verification).status == status, "\(value)")
        }
        #expect(reads.value == ["AWSCURRENT", "AWSPENDING", "AWSPREVIOUS"])
        #expect(spy.calls == 2)
    }

    /// Until the secret can be read, requests get a 503 (fail closed), and the next one reads again.
    @Test func anUnreadableSecretIsA503UntilItCanBeRead() async {
        let attempts = Recorder(0)
        let verification = OriginVerification(
            environment: EnvironmentVariables(["ORIGIN_VERIFY_SECRET_ARN": "origin-secret"]),
            readSecret: { _, stage, _ in
                guard stage == "AWSCURRENT" else { throw SecretsExtensionClient.Failure.malformedResponse }
                let attempt = attempts.update { value -> Int in
                    value += 1
                    return value
                }
                guard attempt > 1 else { throw SecretsExtensionClient.Failure.status(500, "not ready yet") }
                return Self.secret
            })
        let spy = EndpointSpy()
        let routes = ["GET /test/spy": spy.endpoint]
        let event = TestEvent("GET", "/test/spy", headers: [OriginVerification.headerName: Self.secret])
        let first = await Self.send(event, to: routes, checking: verification)
        #expect(first.status == 503 && first.code == "unavailable" && first.header("retry-after") == "1")
        #expect(await Self.send(event, to: routes, checking: verification).status == 204)
        #expect(await Self.send(event, to: routes, checking: verification).status == 204)
        #expect(attempts.value == 2)
        #expect(spy.calls == 2)
    }

    /// A refusal is logged, with neither the secret nor the value presented.
    @Test func neitherValueIsLogged() async {
        let lines = LogRecord()
        let spy = EndpointSpy()
        let routes = ["GET /test/spy": spy.endpoint]
        let presented = "a-guess-that-must-not-be-logged-0123456789"
        for value in [presented, Self.secret] {
            let event = TestEvent("GET", "/test/spy", headers: [OriginVerification.headerName: value])
            _ = await Self.send(event, to: routes, checking: Self.configured, logger: lines.logger)
        }
        _ = await Self.send(TestEvent("GET", "/test/spy"), to: routes, checking: Self.configured, logger: lines.logger)
        let logged = lines.text
        #expect(logged.contains("refused a request that did not come through CloudFront"))
        #expect(!logged.contains(presented) && !logged.contains(Self.secret))
    }

    // MARK: -

    /// Requests to every kind of route: open, behind a token, and the spy.
    static func requests(token: String) -> [TestEvent] {
        [
            TestEvent("GET", "/api/health"),
            TestEvent("GET", "/api/me").bearer(token),
            TestEvent("POST", "/api/login", body: #"{"email":"a@b.co","password":"whatever1"}"#),
            TestEvent("GET", "/test/spy"),
            TestEvent("GET", "/test/spy", headers: ["x-origin-verify-other": secret]),
        ]
    }

    static func routes(_ services: ChronoViewServices, spy: EndpointSpy) -> [String: Endpoint] {
        var routes = HealthRoutes.health(services)
        routes.merge(AccountRoutes.me(services)) { $1 }
        routes.merge(AccountRoutes.login(services)) { $1 }
        routes["GET /test/spy"] = spy.endpoint
        return routes
    }

    static func send(
        _ event: TestEvent, to routes: [String: Endpoint], checking verification: OriginVerification = configured,
        logger: Logger = Logger(label: "test")
    ) async -> TestResponse {
        let event = event.event
        let context = LambdaContext(
            metadata: InvocationMetadata(
                requestID: UUID().uuidString, deadlineMilliseconds: Int64(Date().timeIntervalSince1970 * 1000) + 30_000,
                invokedFunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:test"),
            logger: logger,
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let function = HTTPFunction(routes: routes, originVerification: verification)
        return TestResponse(await function.handle(event, context: context), requestID: event.requestContext.requestId)
    }

    /// Services over a database nothing listens for: a request that touches it gets a 503.
    static func withUnreachableDatabase(_ body: (ChronoViewServices) async throws -> Void) async throws {
        var logger = Logger(label: "origin-verification-test")
        logger.logLevel = .warning
        let database = DatabaseSettings(
            endpoint: .tcp(host: "127.0.0.1", port: 9), username: "nobody", password: nil, database: "none",
            tlsMode: .disable)
        // The tests' own settings (bcrypt at its cheapest, their signing key), over that database.
        var settings = try TestDatabase.settings(database: database)
        settings.databaseTimeout = .milliseconds(700)
        let client = try Database(
            settings: settings.database, timeout: settings.databaseTimeout,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, waitingOn: DatabaseWaits.threadPool, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(await ChronoViewServices(settings: settings, database: client))
        }
    }

    // MARK: - stand-ins

    /// A value the test's stand-in closures change.
    final class Recorder<Value: Sendable>: Sendable {
        private let storage: Mutex<Value>

        init(_ value: Value) {
            storage = Mutex(value)
        }

        var value: Value { storage.withLock { $0 } }

        @discardableResult
        func update<Result>(_ change: (inout Value) -> Result) -> Result {
            storage.withLock { change(&$0) }
        }
    }

    /// An endpoint that counts the requests it serves and answers 204.
    final class EndpointSpy: Sendable {
        private let count = Mutex(0)

        var calls: Int { count.withLock { $0 } }

        var endpoint: Endpoint {
            Endpoint { _, _ in
                self.count.withLock { $0 += 1 }
                return HTTPResponse(status: 204, headers: [:], body: nil)
            }
        }
    }
}
