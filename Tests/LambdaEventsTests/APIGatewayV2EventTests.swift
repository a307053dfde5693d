import Foundation
import LambdaEvents
import Testing

/// The HTTP API payload format 2.0 types against the examples in AWS's API Gateway documentation
/// ("Create AWS Lambda proxy integrations for HTTP APIs", and the IAM and Lambda authorizer pages).
@Suite struct APIGatewayV2EventTests {
    /// The documentation's 2.0 request, as published.
    static let documentedRequest = #"""
        {
          "version": "2.0",
          "routeKey": "$default",
          "rawPath": "/my/path",
          "rawQueryString": "parameter1=value1&parameter1=value2&parameter2=value",
          "cookies": [
            "cookie1",
            "cookie2"
          ],
          "headers": {
            "header1": "value1",
            "header2": "value1,value2"
          },
          "queryStringParameters": {
            "parameter1": "value1,value2",
            "parameter2": "value"
          },
          "requestContext": {
            "accountId": "123456789012",
            "apiId": "api-id",
            "authentication": {
              "clientCert": {
                "clientCertPem": "CERT_CONTENT",
                "subjectDN": "www.example.com",
                "issuerDN": "Example issuer",
                "serialNumber": "a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1:a1",
                "validity": {
                  "notBefore": "May 28 12:30:02 2019 GMT",
                  "notAfter": "Aug  5 09:36:04 2021 GMT"
                }
              }
            },
            "authorizer": {
              "jwt": {
                "claims": {
                  "claim1": "value1",
                  "claim2": "value2"
                },
                "scopes": [
                  "scope1",
                  "scope2"
                ]
              }
            },
            "domainName": "id.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "id",
            "http": {
              "method": "POST",
              "path": "/my/path",
              "protocol": "HTTP/1.1",
              "sourceIp": "192.0.2.1",
              "userAgent": "agent"
            },
            "requestId": "id",
            "routeKey": "$default",
            "stage": "$default",
            "time": "12/Mar/2020:19:03:58 +0000",
            "timeEpoch": 1583348638390
          },
          "body": "Hello from Lambda",
          "pathParameters": {
            "parameter1": "value1"
          },
          "isBase64Encoded": false,
          "stageVariables": {
            "stageVariable1": "value1",
            "stageVariable2": "value2"
          }
        }
        """#

    /// The request context's authorizer for a route with IAM authorization, as documented.
    static let documentedIAMAuthorizer = #"""
        {
          "iam": {
            "accessKey": "AKIAIOSFODNN7EXAMPLE",
            "accountId": "111122223333",
            "callerId": "AIDACKCEVSQ6C2EXAMPLE",
            "cognitoIdentity": null,
            "principalOrgId": "AIDACKCEVSQORGEXAMPLE",
            "userArn": "arn:aws:iam::111122223333:user/example-user",
            "userId": "AIDACOSFODNN7EXAMPLE2"
          }
        }
        """#

    /// A Lambda authorizer's context, passed through as the authorizer returned it.
    static let documentedLambdaAuthorizer = #"""
        {
          "lambda": {
            "exampleKey": "exampleValue",
            "numberKey": 1,
            "booleanKey": true,
            "arrayKey": ["value1", "value2"],
            "mapKey": {"value1": "value2"}
          }
        }
        """#

    /// The documentation's response format.
    static let documentedResponse = #"""
        {
            "cookies" : ["cookie1", "cookie2"],
            "isBase64Encoded": false,
            "statusCode": 200,
            "headers": { "headername": "headervalue" },
            "body": "Hello from Lambda!"
        }
        """#

    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func decodesTheDocumentedRequest() throws {
        let request = try decode(APIGatewayV2Request.self, Self.documentedRequest)
        #expect(request.version == "2.0")
        #expect(request.routeKey == "$default")
        #expect(request.rawPath == "/my/path")
        #expect(request.rawQueryString == "parameter1=value1&parameter1=value2&parameter2=value")
        #expect(request.cookies == ["cookie1", "cookie2"])
        #expect(request.headers == ["header1": "value1", "header2": "value1,value2"])
        #expect(request.header("Header2") == "value1,value2")
        #expect(request.queryStringParameters == ["parameter1": "value1,value2", "parameter2": "value"])
        #expect(request.pathParameters == ["parameter1": "value1"])
        #expect(request.stageVariables == ["stageVariable1": "value1", "stageVariable2": "value2"])
        #expect(request.body == "Hello from Lambda")
        #expect(request.isBase64Encoded == false)
        #expect(request.bodyBytes == Array("Hello from Lambda".utf8))

        let context = request.requestContext
        #expect(context.accountId == "123456789012")
        #expect(context.apiId == "api-id")
        #expect(context.domainName == "id.execute-api.us-east-1.amazonaws.com")
        #expect(context.domainPrefix == "id")
        #expect(context.requestId == "id")
        #expect(context.routeKey == "$default")
        #expect(context.stage == "$default")
        #expect(context.time == "12/Mar/2020:19:03:58 +0000")
        #expect(context.timeEpoch == 1_583_348_638_390)
        #expect(context.http.method == "POST")
        #expect(context.http.path == "/my/path")
        #expect(context.http.protocol == "HTTP/1.1")
        #expect(context.http.sourceIp == "192.0.2.1")
        #expect(context.http.userAgent == "agent")
        #expect(context.authorizer?.jwt?.claims == ["claim1": "value1", "claim2": "value2"])
        #expect(context.authorizer?.jwt?.scopes == ["scope1", "scope2"])
        let certificate = try #require(context.authentication?.clientCert)
        #expect(certificate.subjectDN == "www.example.com")
        #expect(certificate.validity.notAfter == "Aug  5 09:36:04 2021 GMT")
    }

    @Test func decodesARequestWithoutItsOptionalParts() throws {
        // What API Gateway sends for `GET /` with no query, cookies, body or authorizer.
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.documentedRequest.utf8)) as? [String: Any])
        for key in ["cookies", "queryStringParameters", "pathParameters", "stageVariables", "body"] {
            json[key] = nil
        }
        json["rawQueryString"] = ""
        var context = try #require(json["requestContext"] as? [String: Any])
        context["authentication"] = nil
        context["authorizer"] = nil
        json["requestContext"] = context
        let request = try JSONDecoder().decode(
            APIGatewayV2Request.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(request.cookies == nil)
        #expect(request.queryStringParameters == nil)
        #expect(request.body == nil)
        #expect(request.bodyBytes == [])
        #expect(request.requestContext.authorizer == nil)
    }

    @Test func decodesTheDocumentedIAMAndLambdaAuthorizers() throws {
        let iam = try decode(APIGatewayV2Request.Authorizer.self, Self.documentedIAMAuthorizer).iam
        #expect(iam?.accessKey == "AKIAIOSFODNN7EXAMPLE")
        #expect(iam?.userArn == "arn:aws:iam::111122223333:user/example-user")
        #expect(iam?.cognitoIdentity == nil)

        let lambda = try decode(APIGatewayV2Request.Authorizer.self, Self.documentedLambdaAuthorizer).lambda
        #expect(lambda?["exampleKey"] == .string("exampleValue"))
        #expect(lambda?["numberKey"] == .number(1))
        #expect(lambda?["booleanKey"] == .bool(true))
        #expect(lambda?["arrayKey"] == .array([.string("value1"), .string("value2")]))
        #expect(lambda?["mapKey"] == .object(["value1": .string("value2")]))
    }

    @Test func decodesABase64Body() throws {
        let bytes: [UInt8] = [0, 1, 2, 0xFE, 0xFF]
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.documentedRequest.utf8)) as? [String: Any])
        json["body"] = Data(bytes).base64EncodedString()
        json["isBase64Encoded"] = true
        let request = try JSONDecoder().decode(
            APIGatewayV2Request.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(request.bodyBytes == bytes)

        json["body"] = "not base64!"
        let broken = try JSONDecoder().decode(
            APIGatewayV2Request.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(broken.bodyBytes == nil)
    }

    @Test func decodesTheDocumentedResponse() throws {
        let response = try decode(APIGatewayV2Response.self, Self.documentedResponse)
        #expect(response.statusCode == 200)
        #expect(response.cookies == ["cookie1", "cookie2"])
        #expect(response.headers == ["headername": "headervalue"])
        #expect(response.body == "Hello from Lambda!")
        #expect(response.isBase64Encoded == false)
        #expect(response.bodyBytes == Array("Hello from Lambda!".utf8))
    }

    @Test func responseRoundTripsThroughJSON() throws {
        let response = APIGatewayV2Response(
            statusCode: 201,
            headers: ["content-type": "application/json"],
            cookies: ["session=abc; Secure; HttpOnly"],
            body: #"{"id":42}"#
        )
        let decoded = try JSONDecoder().decode(APIGatewayV2Response.self, from: try JSONEncoder().encode(response))
        #expect(decoded == response)
    }

    @Test func binaryResponseIsBase64Encoded() throws {
        let bytes = (0...255).map { UInt8($0) }
        let response = APIGatewayV2Response(
            statusCode: 200, headers: ["content-type": "image/png"], binaryBody: bytes)
        let json = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(response)) as? [String: Any])
        #expect(json["isBase64Encoded"] as? Bool == true)
        #expect(json["body"] as? String == Data(bytes).base64EncodedString())
        let decoded = try JSONDecoder().decode(
            APIGatewayV2Response.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(decoded.bodyBytes == bytes)
    }

    @Test func minimalResponseEncodesOnlyTheStatusCode() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(APIGatewayV2Response(statusCode: 204)))
                as? [String: Any])
        #expect(json.keys.sorted() == ["statusCode"])
        #expect(json["statusCode"] as? Int == 204)
    }
}
