import Foundation
import LambdaEvents
import LocalHarness
import Testing

@Suite struct RequestEventTests {
    static let builder = RequestEventBuilder(accountID: "123456789012", apiID: "chronoview")
    static let route = Route(method: "GET", path: try! RoutePath("/api/charts/{id}"), functionName: "Charts")

    static func event(
        method: String = "GET",
        target: String = "/api/charts/42",
        headers: HTTPHeaderList = [("Host", "localhost:3000")],
        body: [UInt8] = [],
        time: RequestTime = RequestTime(epochMilliseconds: 1_795_611_600_123)
    ) throws -> APIGatewayV2Request {
        let request = GatewayRequest(
            method: method, target: target, headers: headers, body: body, sourceIP: "10.1.2.3", serverPort: 3000)
        let match = try #require(try RouteTable([route]).match(method: method, rawPath: request.rawPath))
        return builder.event(for: request, match: match, requestID: "JKJaXmPLvHcESHA=", time: time)
    }

    @Test func carriesTheRouteAndTheRawRequestLine() throws {
        let event = try Self.event(target: "/api/charts/a%2Fb?x=1&x=2&name=J%C3%BCrgen+K&flag")
        #expect(event.version == "2.0")
        #expect(event.routeKey == "GET /api/charts/{id}")
        #expect(event.rawPath == "/api/charts/a%2Fb")
        #expect(event.rawQueryString == "x=1&x=2&name=J%C3%BCrgen+K&flag")
        #expect(event.queryStringParameters == ["x": "1,2", "name": "Jürgen K", "flag": ""])
        #expect(event.pathParameters == ["id": "a/b"])
        #expect(event.stageVariables == nil)
    }

    @Test func leavesOutWhatTheRequestDoesNotHave() throws {
        let event = try Self.event()
        #expect(event.queryStringParameters == nil)
        #expect(event.cookies == nil)
        #expect(event.body == nil)
        #expect(event.isBase64Encoded == false)
        #expect(event.rawQueryString == "")
    }

    @Test func lowerCasesHeadersJoinsRepeatsAndMovesCookiesOut() throws {
        let event = try Self.event(headers: [
            ("Host", "localhost:3000"),
            ("X-Custom", "a"),
            ("x-custom", "b"),
            ("Accept", "text/html, application/json"),
            ("Cookie", "session=abc; theme=dark"),
            ("cookie", "lang=en"),
            ("User-Agent", "tests/1.0"),
        ])
        #expect(event.headers["x-custom"] == "a,b")
        #expect(event.headers["accept"] == "text/html, application/json")
        #expect(event.headers["cookie"] == nil)
        #expect(event.cookies == ["session=abc", "theme=dark", "lang=en"])
        #expect(event.headers.keys.allSatisfy { $0 == $0.lowercased() })
        #expect(event.headers["x-forwarded-for"] == "10.1.2.3")
        #expect(event.headers["x-forwarded-port"] == "3000")
        #expect(event.headers["x-forwarded-proto"] == "http")
        let trace = try #require(event.headers["x-amzn-trace-id"])
        #expect(trace.hasPrefix("Root=1-\(String(1_795_611_600, radix: 16))-"))
        #expect(trace.count == "Root=1-".count + 8 + 1 + 24)
    }

    @Test func appendsTheSourceToAnExistingForwardedFor() throws {
        let event = try Self.event(headers: [("Host", "h"), ("X-Forwarded-For", "192.0.2.7")])
        #expect(event.headers["x-forwarded-for"] == "192.0.2.7, 10.1.2.3")
    }

    @Test func fillsTheRequestContext() throws {
        let event = try Self.event(headers: [("Host", "localhost:3000"), ("User-Agent", "tests/1.0")])
        let context = event.requestContext
        #expect(context.accountId == "123456789012")
        #expect(context.apiId == "chronoview")
        #expect(context.domainName == "localhost:3000")
        #expect(context.domainPrefix == "localhost")
        #expect(context.http.method == "GET")
        #expect(context.http.path == "/api/charts/42")
        #expect(context.http.protocol == "HTTP/1.1")
        #expect(context.http.sourceIp == "10.1.2.3")
        #expect(context.http.userAgent == "tests/1.0")
        #expect(context.requestId == "JKJaXmPLvHcESHA=")
        #expect(context.routeKey == "GET /api/charts/{id}")
        #expect(context.stage == "$default")
        // 1_795_611_600 s is 2026-11-25 13:00:00 UTC.
        #expect(context.time == "25/Nov/2026:13:00:00 +0000")
        #expect(context.timeEpoch == 1_795_611_600_123)
    }

    @Test func formatsTimeWithTwoDigitDaysAndEnglishMonths() {
        #expect(RequestTime(epochMilliseconds: 1_772_407_205_000).formatted == "01/Mar/2026:23:20:05 +0000")
        #expect(RequestTime(epochMilliseconds: 0).formatted == "01/Jan/1970:00:00:00 +0000")
        #expect(RequestTime(epochMilliseconds: 951_782_400_000).formatted == "29/Feb/2000:00:00:00 +0000")
        #expect(RequestTime(epochMilliseconds: -1).formatted == "31/Dec/1969:23:59:59 +0000")
        #expect(RequestTime(epochMilliseconds: 1_795_611_600_123).httpDate == "Wed, 25 Nov 2026 13:00:00 GMT")
    }

    @Test(arguments: [
        "application/json", "application/json; charset=utf-8", "text/plain", "text/csv", "application/xml",
        "application/x-www-form-urlencoded", "application/problem+json", "application/atom+xml",
    ])
    func passesTextBodiesAsText(_ contentType: String) throws {
        let event = try Self.event(
            method: "GET", headers: [("Host", "h"), ("Content-Type", contentType)], body: Array("ä=1&b={}".utf8))
        #expect(event.body == "ä=1&b={}")
        #expect(event.isBase64Encoded == false)
        #expect(event.headers["content-length"] == String("ä=1&b={}".utf8.count))
    }

    @Test(arguments: [
        "application/octet-stream", "image/png", "application/pdf", "multipart/form-data; boundary=x", nil,
    ])
    func base64EncodesOtherBodies(_ contentType: String?) throws {
        var headers: HTTPHeaderList = [("Host", "h")]
        if let contentType { headers.append("Content-Type", contentType) }
        let bytes: [UInt8] = [0, 1, 2, 0xFE, 0xFF, 0x80]
        let event = try Self.event(headers: headers, body: bytes)
        #expect(event.isBase64Encoded)
        #expect(event.body == Data(bytes).base64EncodedString())
        #expect(event.bodyBytes == bytes)
    }

    @Test func base64EncodesATextTypeThatIsNotUTF8() throws {
        let event = try Self.event(headers: [("Host", "h"), ("Content-Type", "text/plain")], body: [0xC3, 0x28])
        #expect(event.isBase64Encoded)
        #expect(event.bodyBytes == [0xC3, 0x28])
    }

    @Test func encodesAsAWSDocumentsTheEvent() throws {
        let event = try Self.event(target: "/api/charts/7?a=1", headers: [("Host", "h"), ("Cookie", "c=1")])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(event)) as! [String: Any]
        #expect(
            Set(json.keys) == [
                "version", "routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters",
                "pathParameters", "requestContext", "isBase64Encoded",
            ])
        let context = json["requestContext"] as! [String: Any]
        #expect(
            Set(context.keys) == [
                "accountId", "apiId", "domainName", "domainPrefix", "http", "requestId", "routeKey", "stage", "time",
                "timeEpoch",
            ])
        #expect(
            Set((context["http"] as! [String: Any]).keys) == ["method", "path", "protocol", "sourceIp", "userAgent"])
    }
}
