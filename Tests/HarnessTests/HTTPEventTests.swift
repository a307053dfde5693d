import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import Testing

/// API Gateway events through a real function: binary bodies travel base64-encoded both ways.
@Suite struct HTTPEventTests {
    @Test func binaryBodyRoundTripsAsBase64() async throws {
        let body = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let request = APIGatewayV2Request(
            routeKey: "POST /charts/{id}/image",
            rawPath: "/charts/42/image",
            rawQueryString: "size=large",
            headers: ["content-type": "application/octet-stream"],
            requestContext: .init(
                accountId: "123456789012",
                apiId: "local",
                domainName: "localhost",
                domainPrefix: "localhost",
                http: .init(
                    method: "POST", path: "/charts/42/image", protocol: "HTTP/1.1", sourceIp: "127.0.0.1",
                    userAgent: "tests"),
                requestId: "abc",
                routeKey: "POST /charts/{id}/image",
                stage: "$default",
                time: "25/Nov/2026:13:00:00 +0000",
                timeEpoch: 1_795_611_600_000
            ),
            body: Data(body).base64EncodedString(),
            isBase64Encoded: true
        )
        let function = FixtureFunction.definition(mode: "http")
        try await withLocalLambda(functions: [function], logger: FixtureFunction.quietLogger) { lambda in
            let result = try await lambda.invoke(
                "Fixture", payload: ByteBuffer(bytes: try JSONEncoder().encode(request)))
            #expect(result.errorType == nil)
            let response = try JSONDecoder().decode(
                APIGatewayV2Response.self, from: Data(result.payload.readableBytesView))
            #expect(response.statusCode == 200)
            #expect(response.isBase64Encoded == true)
            #expect(response.bodyBytes == body)
            #expect(response.headers?["x-method"] == "POST")
            #expect(response.headers?["x-path"] == "/charts/42/image")
            #expect(response.headers?["x-query"] == "size=large")
        }
    }
}
