import Foundation
import LocalHarness
import NIOCore
import Testing

@Suite struct ResponseMappingTests {
    static func map(_ payload: String) -> GatewayResponse? {
        try? IntegrationResponseMapper.response(for: .success(ByteBuffer(string: payload))).get()
    }

    static func text(_ response: GatewayResponse?) -> String? {
        response.map { String(decoding: $0.body, as: UTF8.self) }
    }

    @Test func mapsAFullResponse() throws {
        let response = try #require(
            Self.map(
                #"{"statusCode": 201, "headers": {"Content-Type": "application/json", "Location": "/api/me", "x-n": 1},"#
                    + #" "body": "{\"id\":1}", "isBase64Encoded": false}"#))
        #expect(response.status == 201)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers["location"] == "/api/me")
        #expect(response.headers["x-n"] == "1")
        #expect(Self.text(response) == #"{"id":1}"#)
    }

    @Test func turnsEachCookieIntoASetCookieHeader() throws {
        let response = try #require(
            Self.map(#"{"statusCode": 200, "cookies": ["a=1; Path=/", "b=2; HttpOnly"], "body": ""}"#))
        #expect(response.headers.values("set-cookie") == ["a=1; Path=/", "b=2; HttpOnly"])
    }

    @Test func decodesABase64Body() throws {
        let bytes: [UInt8] = [0, 0xFF, 0x10, 0x80]
        let response = try #require(
            Self.map(
                #"{"statusCode": 200, "isBase64Encoded": true, "body": "\#(Data(bytes).base64EncodedString())"}"#))
        #expect(response.body == bytes)
    }

    @Test func infersAResponseFromJSONWithoutStatusCode() throws {
        let object = try #require(Self.map(#"{ "message": "Hello from Lambda!" }"#))
        #expect(object.status == 200)
        #expect(object.headers["content-type"] == "application/json")
        #expect(Self.text(object) == #"{ "message": "Hello from Lambda!" }"#)

        let string = try #require(Self.map(#""Hello from Lambda!""#))
        #expect(string.status == 200)
        #expect(Self.text(string) == "Hello from Lambda!")

        #expect(Self.text(Self.map("[1,2]")) == "[1,2]")
        #expect(Self.map("42")?.status == 200)
    }

    @Test func dropsFramingHeadersTheServerSetsItself() throws {
        let response = try #require(
            Self.map(#"{"statusCode": 200, "headers": {"Content-Length": "999", "transfer-encoding": "chunked"}}"#))
        #expect(response.headers["content-length"] == nil)
        #expect(response.headers["transfer-encoding"] == nil)
        #expect(response.body.isEmpty)
    }

    @Test(arguments: [
        "not json",
        "",
        #"{"statusCode": "200", "body": "x"}"#,
        #"{"statusCode": 200.5}"#,
        #"{"statusCode": 99}"#,
        #"{"statusCode": 200, "headers": ["a"]}"#,
        #"{"statusCode": 200, "headers": {"a": {"b": 1}}}"#,
        #"{"statusCode": 200, "cookies": "a=1"}"#,
        #"{"statusCode": 200, "cookies": [1]}"#,
        #"{"statusCode": 200, "body": {"a": 1}}"#,
        #"{"statusCode": 200, "isBase64Encoded": "yes", "body": ""}"#,
        #"{"statusCode": 200, "isBase64Encoded": true, "body": "%%%"}"#,
    ])
    func refusesMalformedResponses(_ payload: String) {
        #expect(Self.map(payload) == nil)
    }

    @Test func aFunctionErrorIsNotAResponse() {
        let outcome = InvocationResult.Outcome.functionError(
            errorType: "Runtime.ExitError", payload: ByteBuffer(string: #"{"errorType":"Runtime.ExitError"}"#))
        #expect(throws: IntegrationResponseMapper.Malformed.self) {
            try IntegrationResponseMapper.response(for: outcome).get()
        }
    }

    @Test func apiGatewaysOwnErrorsAreJSONMessages() {
        #expect(GatewayResponse.notFound.status == 404)
        #expect(Self.text(GatewayResponse.notFound) == #"{"message":"Not Found"}"#)
        #expect(Self.text(GatewayResponse.internalServerError) == #"{"message":"Internal Server Error"}"#)
        #expect(GatewayResponse.internalServerError.status == 502)
        #expect(Self.text(GatewayResponse.serviceUnavailable) == #"{"message":"Service Unavailable"}"#)
        #expect(GatewayResponse.serviceUnavailable.status == 503)
        #expect(GatewayResponse.requestEntityTooLarge.status == 413)
        #expect(GatewayResponse.notFound.headers["content-type"] == "application/json")
    }
}
