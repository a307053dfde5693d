import AsyncHTTPClient
import Foundation
import LambdaEvents
import LocalHarness
import NIOHTTP1
import Testing

/// The emulator over real HTTP, in front of real function processes.
@Suite struct EndToEndTests {
    static let template = """
        Parameters:
          AllowedOrigins: {Type: CommaDelimitedList, Default: "http://localhost:5173"}
        Resources:
          HttpApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration:
                AllowOrigins: !Ref AllowedOrigins
                AllowMethods: [GET, POST]
                AllowHeaders: [authorization, content-type]
                ExposeHeaders: [x-method]
                MaxAge: 600
          EventFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Event/
              Environment: {Variables: {FIXTURE_MODE: bytes}}
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: "/event/{id}", Method: GET}}
          EchoFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Echo/
              Environment: {Variables: {FIXTURE_MODE: http}}
              Events:
                Any: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: "/echo/{proxy+}", Method: ANY}}
          UnmarshalFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Unmarshal/
              Environment: {Variables: {FIXTURE_MODE: json}}
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: /unmarshal, Method: GET}}
          NotJSONFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/NotJSON/
              Environment: {Variables: {PY_MODE: not-json}}
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: /not-json, Method: GET}}
          CrashOnceFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/CrashOnce/
              Environment: {Variables: {PY_MODE: crash-once}}
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: /crash-once, Method: GET}}
          SlowFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Slow/
              Timeout: 10
              Environment: {Variables: {PY_MODE: slow}}
              Events:
                Get:
                  Type: HttpApi
                  Properties: {ApiId: !Ref HttpApi, Path: /slow, Method: GET, TimeoutInMillis: 500}
          PidFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fixtures/Pid/
              Environment: {Variables: {PY_MODE: pid, SLEEP_MS: "400"}}
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: /pid, Method: GET}}
        """

    /// Runs `body` against the template above, its functions in a fresh fixture folder.
    static func withAPI(maximumEnvironments: Int = 4, _ body: (RunningAPI) async throws -> Void) async throws {
        let folder = try FixtureFolder()
        defer { folder.remove() }
        for name in ["Event", "Echo", "Unmarshal"] { try folder.linkRuntimeFixture(as: name) }
        for name in ["NotJSON", "CrashOnce", "Slow", "Pid"] { try folder.addPythonRuntime(as: name) }
        try await RunningAPI.run(
            template: template, buildPath: folder.path, maximumEnvironments: maximumEnvironments, body)
    }

    @Test func theFunctionReceivesThePayload20Event() async throws {
        try await Self.withAPI { api in
            let started = Int64(Date().timeIntervalSince1970 * 1000)
            let reply = try await api.send(
                .GET, "/event/a%20b?x=1&x=2&q=%C3%A9t%C3%A9",
                headers: [
                    ("X-Multi", "one"), ("X-Multi", "two"), ("Cookie", "session=abc; theme=dark"),
                    ("User-Agent", "end-to-end/1"),
                ])
            #expect(reply.status == 200)
            // The bytes fixture returns the event itself, which has no statusCode: the inferred format.
            #expect(reply.headers["content-type"] == ["application/json"])
            let event = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data(reply.body))
            #expect(event.version == "2.0")
            #expect(event.routeKey == "GET /event/{id}")
            #expect(event.rawPath == "/event/a%20b")
            #expect(event.rawQueryString == "x=1&x=2&q=%C3%A9t%C3%A9")
            #expect(event.queryStringParameters == ["x": "1,2", "q": "été"])
            #expect(event.pathParameters == ["id": "a b"])
            #expect(event.cookies == ["session=abc", "theme=dark"])
            #expect(event.headers["cookie"] == nil)
            #expect(event.headers["x-multi"] == "one,two")
            #expect(event.headers["user-agent"] == "end-to-end/1")
            #expect(event.headers["host"] == "127.0.0.1:\(api.port)")
            #expect(event.headers["x-forwarded-port"] == "\(api.port)")
            #expect(event.body == nil)
            #expect(event.isBase64Encoded == false)
            let context = event.requestContext
            #expect(context.http.method == "GET")
            #expect(context.http.path == "/event/a%20b")
            #expect(context.http.sourceIp == "127.0.0.1")
            #expect(context.http.userAgent == "end-to-end/1")
            #expect(context.stage == "$default")
            #expect(context.routeKey == "GET /event/{id}")
            #expect(context.domainName == "127.0.0.1:\(api.port)")
            #expect(reply.headers["apigw-requestid"] == [context.requestId])
            #expect(context.time.wholeMatch(of: /\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000/) != nil)
            #expect(abs(context.timeEpoch - started) < 10_000)
        }
    }

    @Test func aBinaryBodyMakesTheRoundTrip() async throws {
        try await Self.withAPI { api in
            let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let reply = try await api.send(
                .PUT, "/echo/files/1?version=2", headers: [("Content-Type", "application/octet-stream")], body: bytes)
            #expect(reply.status == 200)
            #expect(reply.headers["x-method"] == ["PUT"])
            #expect(reply.headers["x-path"] == ["/echo/files/1"])
            #expect(reply.headers["x-query"] == ["version=2"])
            #expect(reply.body == bytes)

            let json = Array(#"{"name":"café"}"#.utf8)
            let text = try await api.send(
                .POST, "/echo/json", headers: [("Content-Type", "application/json")], body: json)
            #expect(text.body == json)
        }
    }

    @Test func corsPreflightIsAnsweredWithoutAFunction() async throws {
        try await Self.withAPI { api in
            let preflight = try await api.send(
                .OPTIONS, "/echo/x",
                headers: [("Origin", "http://localhost:5173"), ("Access-Control-Request-Method", "POST")])
            #expect(preflight.status == 204)
            #expect(preflight.headers["access-control-allow-origin"] == ["http://localhost:5173"])
            #expect(preflight.headers["access-control-allow-methods"] == ["GET,POST"])
            #expect(preflight.headers["access-control-max-age"] == ["600"])
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)

            let actual = try await api.send(.GET, "/echo/x", headers: [("Origin", "http://localhost:5173")])
            #expect(actual.headers["access-control-allow-origin"] == ["http://localhost:5173"])
            #expect(actual.headers["access-control-expose-headers"] == ["x-method"])
            let foreign = try await api.send(.GET, "/echo/x", headers: [("Origin", "https://elsewhere.example")])
            #expect(foreign.status == 200)
            #expect(foreign.headers["access-control-allow-origin"].isEmpty)
        }
    }

    @Test func unmatchedAndFailingRoutesGetAPIGatewaysErrors() async throws {
        try await Self.withAPI { api in
            let missing = try await api.send(.GET, "/nowhere")
            #expect(missing.status == 404)
            #expect(missing.text == #"{"message":"Not Found"}"#)
            #expect(missing.headers["apigw-requestid"].count == 1)
            let wrongMethod = try await api.send(.DELETE, "/unmarshal")
            #expect(wrongMethod.status == 404)

            // The json fixture cannot decode an HTTP event: a function error (Runtime.UnmarshalError).
            let failed = try await api.send(.GET, "/unmarshal")
            #expect(failed.status == 502)
            #expect(failed.text == #"{"message":"Internal Server Error"}"#)

            let notJSON = try await api.send(.GET, "/not-json")
            #expect(notJSON.status == 502)
            #expect(notJSON.text == #"{"message":"Internal Server Error"}"#)
            #expect(api.log.all.contains { $0.problem == "the function's result is not JSON" })
        }
    }

    @Test func aCrashedEnvironmentIsReplaced() async throws {
        try await Self.withAPI { api in
            let crashed = try await api.send(.GET, "/crash-once")
            #expect(crashed.status == 502)
            let next = try await api.send(.GET, "/crash-once")
            #expect(next.status == 200)
            #expect(next.text == "crash-once")
            #expect(api.lambda.statistics(for: "CrashOnce")?.spawns == 2)
        }
    }

    @Test func theIntegrationTimeoutAnswers503() async throws {
        try await Self.withAPI { api in
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await api.send(.GET, "/slow")
            #expect(reply.status == 503)
            #expect(reply.text == #"{"message":"Service Unavailable"}"#)
            #expect(clock.now - start < .seconds(10), "at the integration timeout, not when the function ends")
        }
    }

    @Test func concurrentRequestsAreServedBySeveralEnvironments() async throws {
        try await Self.withAPI(maximumEnvironments: 3) { api in
            let replies = try await withThrowingTaskGroup(of: RunningAPI.Reply.self) { group in
                for _ in 0..<6 { group.addTask { try await api.send(.GET, "/pid") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 200 })
            let processes = Set(replies.compactMap { $0.headers["x-pid"].first })
            #expect(processes.count >= 2)
            #expect(processes.count <= 3)
            let coldStarts = api.log.all.filter { $0.initDuration != nil }.count
            #expect(coldStarts == processes.count)
        }
    }

    @Test func aRequestOverTenMegabytesIsRefused() async throws {
        try await Self.withAPI { api in
            let reply = try await api.send(
                .POST, "/echo/upload", headers: [("Content-Type", "application/octet-stream")],
                body: [UInt8](repeating: 7, count: HTTPAPIServer.maximumPayloadSize + 1))
            #expect(reply.status == 413)
            #expect(reply.text == #"{"message":"Request Entity Too Large"}"#)
            #expect(api.lambda.statistics(for: "Echo")?.invocations == 0)
        }
    }
}
