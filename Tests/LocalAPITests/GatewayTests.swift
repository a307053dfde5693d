import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import Testing

@Suite struct GatewayTests {
    static let cors = CORSConfiguration(
        allowOrigins: ["http://localhost:5173"],
        allowMethods: ["GET", "POST", "PATCH"],
        allowHeaders: ["authorization", "content-type"],
        exposeHeaders: ["etag", "x-request-id"],
        maxAge: 600
    )

    static func gateway(
        _ invoker: StubInvoker,
        cors: CORSConfiguration? = cors,
        timeout: Duration = .seconds(30),
        openAPI: String? = nil,
        throttle: RouteThrottle? = nil,
        log: LogCollector = LogCollector()
    ) throws -> HTTPAPIGateway {
        let routes = try RouteTable([
            Route(method: "GET", path: try RoutePath("/api/me"), functionName: "Me", integrationTimeout: timeout),
            Route(method: "ANY", path: try RoutePath("/api/{proxy+}"), functionName: "NotFound"),
        ])
        return HTTPAPIGateway(
            routes: routes, cors: cors, throttle: throttle, invoker: invoker, openAPIDocumentPath: openAPI,
            log: { log.record($0) })
    }

    @Test func answers429OnceARouteHasSpentItsBurst() async throws {
        let invoker = StubInvoker(returning: #"{"statusCode": 200, "body": "me"}"#)
        let throttle = RouteThrottle(RouteThrottling(burstLimit: 3, rateLimit: 0.001))
        let gateway = try Self.gateway(invoker, throttle: throttle)
        var statuses: [Int] = []
        for _ in 0..<5 {
            statuses.append(await gateway.respond(to: GatewayRequest(method: "GET", target: "/api/me")).status)
        }
        #expect(statuses == [200, 200, 200, 429, 429])
        let throttled = await gateway.respond(to: GatewayRequest(method: "GET", target: "/api/me"))
        #expect(String(decoding: throttled.body, as: UTF8.self) == #"{"message":"Too Many Requests"}"#)
        #expect(invoker.invocations.count == 3)
        // Each route has a bucket of its own.
        #expect(await gateway.respond(to: GatewayRequest(method: "GET", target: "/api/other")).status == 200)
    }

    @Test func aThrottledRouteRefillsAtItsRate() {
        let throttle = RouteThrottle(RouteThrottling(burstLimit: 2, rateLimit: 10))
        let start = ContinuousClock.now
        #expect(throttle.admit("GET /x", at: start))
        #expect(throttle.admit("GET /x", at: start))
        #expect(!throttle.admit("GET /x", at: start))
        // A tenth of a second buys one request, and the bucket never holds more than the burst.
        #expect(throttle.admit("GET /x", at: start + .milliseconds(100)))
        #expect(!throttle.admit("GET /x", at: start + .milliseconds(150)))
        #expect(throttle.admit("GET /x", at: start + .seconds(60)))
        #expect(throttle.admit("GET /x", at: start + .seconds(60)))
        #expect(!throttle.admit("GET /x", at: start + .seconds(60)))
    }

    @Test func invokesTheMatchedFunctionAndNamesTheRequestID() async throws {
        let invoker = StubInvoker(returning: #"{"statusCode": 200, "body": "me"}"#)
        let response = try await Self.gateway(invoker).respond(to: GatewayRequest(method: "GET", target: "/api/me"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "me")
        let requestID = try #require(response.headers["apigw-requestid"])
        #expect(requestID.count == 16)
        #expect(invoker.invocations.map(\.function) == ["Me"])
        #expect(invoker.invocations.first?.event.requestContext.requestId == requestID)
    }

    @Test func everyRequestGetsAFreshID() async throws {
        let gateway = try Self.gateway(StubInvoker(returning: "{}"))
        var ids: Set<String> = []
        for _ in 0..<20 {
            ids.insert(
                try #require(
                    await gateway.respond(to: GatewayRequest(method: "GET", target: "/x")).headers["apigw-requestid"]))
        }
        #expect(ids.count == 20)
    }

    @Test func answersUnmatchedRoutesWithNotFound() async throws {
        let invoker = StubInvoker(returning: "{}")
        let response = try await Self.gateway(invoker).respond(to: GatewayRequest(method: "GET", target: "/health"))
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"Not Found"}"#)
        #expect(response.headers["apigw-requestid"] != nil)
        #expect(invoker.invocations.isEmpty)
    }

    @Test func answersPreflightWithoutAFunction() async throws {
        let invoker = StubInvoker(returning: "{}")
        let response = try await Self.gateway(invoker).respond(
            to: GatewayRequest(
                method: "OPTIONS", target: "/api/me",
                headers: [
                    ("Origin", "http://localhost:5173"), ("Access-Control-Request-Method", "PATCH"),
                    ("Access-Control-Request-Headers", "authorization"),
                ]))
        #expect(response.status == 204)
        #expect(response.headers["access-control-allow-origin"] == "http://localhost:5173")
        #expect(response.headers["access-control-allow-methods"] == "GET,POST,PATCH")
        #expect(response.headers["access-control-allow-headers"] == "authorization,content-type")
        #expect(response.headers["access-control-max-age"] == "600")
        #expect(invoker.invocations.isEmpty)
    }

    @Test func preflightFromAnotherOriginGetsNoCORSHeaders() async throws {
        let response = try await Self.gateway(StubInvoker(returning: "{}")).respond(
            to: GatewayRequest(
                method: "OPTIONS", target: "/api/me",
                headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")]))
        #expect(response.status == 204)
        #expect(response.headers.fields.allSatisfy { !$0.name.hasPrefix("access-control-") })
    }

    @Test func anOptionsRequestThatIsNotAPreflightIsRouted() async throws {
        let invoker = StubInvoker(returning: #"{"statusCode": 405}"#)
        let response = try await Self.gateway(invoker).respond(to: GatewayRequest(method: "OPTIONS", target: "/api/me"))
        #expect(response.status == 405)
        #expect(invoker.invocations.map(\.function) == ["NotFound"])
    }

    @Test func replacesTheFunctionsCORSHeadersWithTheConfiguredOnes() async throws {
        let invoker = StubInvoker(
            returning: #"{"statusCode": 200, "headers": {"Access-Control-Allow-Origin": "*", "etag": "\"1\""}}"#)
        let allowed = try await Self.gateway(invoker).respond(
            to: GatewayRequest(method: "GET", target: "/api/me", headers: [("Origin", "http://localhost:5173")]))
        #expect(allowed.headers.values("access-control-allow-origin") == ["http://localhost:5173"])
        #expect(allowed.headers["access-control-expose-headers"] == "etag,x-request-id")
        #expect(allowed.headers["etag"] == "\"1\"")

        let other = try await Self.gateway(invoker).respond(
            to: GatewayRequest(method: "GET", target: "/api/me", headers: [("Origin", "https://evil.example")]))
        #expect(other.headers["access-control-allow-origin"] == nil)
    }

    @Test func matchesOriginPatterns() {
        let cors = CORSConfiguration(allowOrigins: ["https://*.example.com", "http://localhost:5173"])
        #expect(cors.allowedOrigin("https://app.example.com") == "https://app.example.com")
        #expect(cors.allowedOrigin("http://app.example.com") == nil)
        #expect(cors.allowedOrigin("http://localhost:5174") == nil)
        #expect(CORSConfiguration(allowOrigins: ["*"]).allowedOrigin("https://x") == "*")
    }

    @Test func aFunctionErrorIsABadGateway() async throws {
        let invoker = StubInvoker { _, _ in
            .functionError(errorType: "Runtime.ExitError", payload: ByteBuffer(string: #"{"errorType":"x"}"#))
        }
        let log = LogCollector()
        let response = try await Self.gateway(invoker, log: log).respond(
            to: GatewayRequest(method: "GET", target: "/api/me"))
        #expect(response.status == 502)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"Internal Server Error"}"#)
        #expect(log.all.first?.problem?.contains("Runtime.ExitError") == true)
    }

    @Test func aMalformedResultIsABadGateway() async throws {
        let response = try await Self.gateway(StubInvoker(returning: "<html>")).respond(
            to: GatewayRequest(method: "GET", target: "/api/me"))
        #expect(response.status == 502)
    }

    @Test func anInvokerFailureIsABadGateway() async throws {
        struct Broken: Error {}
        let response = try await Self.gateway(StubInvoker { _, _ in throw Broken() }).respond(
            to: GatewayRequest(method: "GET", target: "/api/me"))
        #expect(response.status == 502)
    }

    /// `GET /api/me` through a route whose integration times out after 200 ms, and how long the
    /// answer took: the timeout tests' invokers outlast it.
    static func respondWithin200Milliseconds(_ invoker: StubInvoker) async throws
        -> (response: GatewayResponse, elapsed: Duration)
    {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await Self.gateway(invoker, timeout: .milliseconds(200)).respond(
            to: GatewayRequest(method: "GET", target: "/api/me"))
        return (response, clock.now - start)
    }

    @Test func givesUpAfterTheIntegrationTimeout() async throws {
        let invoker = StubInvoker { _, _ in
            try await Task.sleep(for: .seconds(30))
            return .success(ByteBuffer(string: "{}"))
        }
        let (response, elapsed) = try await Self.respondWithin200Milliseconds(invoker)
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"Service Unavailable"}"#)
        #expect(elapsed < .seconds(10))
    }

    @Test func answersAtTheTimeoutEvenWhenTheInvocationIgnoresCancellation() async throws {
        let invoker = StubInvoker { _, _ in
            // Like an environment still starting: deaf to cancellation until it is done.
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + 20) { continuation.resume() }
            }
            return .success(ByteBuffer(string: "{}"))
        }
        let (response, elapsed) = try await Self.respondWithin200Milliseconds(invoker)
        #expect(response.status == 503)
        #expect(elapsed < .seconds(10))
    }

    @Test func servesTheOpenAPIDocument() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID()).yaml").path
        try "openapi: 3.1.0\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let invoker = StubInvoker(returning: "{}")
        let response = try await Self.gateway(invoker, openAPI: path).respond(
            to: GatewayRequest(method: "GET", target: "/api/openapi.yaml"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/yaml")
        #expect(String(decoding: response.body, as: UTF8.self) == "openapi: 3.1.0\n")
        #expect(invoker.invocations.isEmpty)
    }

    @Test func logsOneLinePerRequestWithTheInitDurationOnAColdStart() async throws {
        let log = LogCollector()
        let invoker = StubInvoker(initDuration: .milliseconds(85)) { _, _ in .success(ByteBuffer(string: "{}")) }
        let gateway = try Self.gateway(invoker, log: log)
        _ = await gateway.respond(to: GatewayRequest(method: "GET", target: "/api/me"))
        _ = await gateway.respond(to: GatewayRequest(method: "GET", target: "/nowhere"))
        #expect(log.all.count == 2)
        let line = log.all[0].description
        #expect(line.hasPrefix("GET /api/me → Me 200 "))
        #expect(line.hasSuffix("(init 85.0 ms)"))
        #expect(log.all[1].description.hasPrefix("GET /nowhere → - 404 "))
    }
}
