import Core
import Foundation
import LocalHarness
import NIOCore
import TestSupport
import Testing

/// The PublishKeys function as CloudFormation's `JwtPublicKeys` custom resource calls it: it
/// answers with the signing key's public halves in `Data.Jwks`, which the template hands the
/// verifying functions as `JWT_PUBLIC_KEYS`.
@Suite struct PublishKeysCustomResourceTests {
    /// What CloudFormation generates into the secret: a seed of 64 letters and digits.
    static let seed = String(repeating: "Kx7q", count: 16)

    static func withPublisher(
        environment: [String: String],
        _ body: (LocalLambda, _ responseURL: String, ResponseURLStandIn) async throws -> Void
    ) async throws {
        let standIn = ResponseURLStandIn()
        let server = try await standIn.start()
        let port = try #require(server.localAddress?.port)
        let publisher = FunctionProcesses.definition("PublishKeys", environment: environment)
        do {
            try await withLocalLambda(functions: [publisher], logger: FunctionProcesses.quietLogger) { lambda in
                try await body(lambda, "http://127.0.0.1:\(port)/stack-response?X-Amz-Signature=abc", standIn)
            }
        } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }

    static func event(_ requestType: String, responseURL: String) -> ByteBuffer {
        let event: [String: Any] = [
            "RequestType": requestType, "ResponseURL": responseURL,
            "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/chronoview/1",
            "RequestId": "request-1", "LogicalResourceId": "JwtPublicKeys", "ResourceType": "Custom::JwtPublicKeys",
            "ResourceProperties": ["ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:PublishKeys"],
        ]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: event))
    }

    static func answer(_ upload: ResponseURLStandIn.Upload?) throws -> [String: Any] {
        let body = try #require(upload?.body, "nothing was sent to the response URL")
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func anUpdateIsAnsweredWithThePublicKeysAVerifierAccepts() async throws {
        try await Self.withPublisher(environment: ["JWT_PRIVATE_KEY": Self.seed]) { lambda, responseURL, standIn in
            let result = try await lambda.invoke("PublishKeys", payload: Self.event("Update", responseURL: responseURL))
            #expect(result.errorType == nil, "\(String(buffer: result.payload))")
            let answer = try Self.answer(standIn.uploads.first)
            #expect(answer["Status"] as? String == "SUCCESS")
            #expect(answer["LogicalResourceId"] as? String == "JwtPublicKeys")
            let keySet = try #require((answer["Data"] as? [String: Any])?["Jwks"] as? String)
            #expect(!keySet.contains("\"d\""))
            let signer = try TokenSettings(environment: EnvironmentVariables(["JWT_PRIVATE_KEY": Self.seed]))
            let verifier = try TokenSettings(
                environment: EnvironmentVariables(["JWT_PUBLIC_KEYS": keySet]), role: .verifier)
            #expect(verifier.keys.publicKeySet == signer.keys.publicKeySet)
            let user = UUID()
            let token = try await AccessTokens(settings: signer).issue(for: user)
            #expect(await AccessTokens(settings: verifier).verify(token) == user)
        }
    }

    @Test func aStackDeleteIsAnsweredSuccessWithoutReadingTheKey() async throws {
        try await Self.withPublisher(environment: [:]) { lambda, responseURL, standIn in
            let result = try await lambda.invoke("PublishKeys", payload: Self.event("Delete", responseURL: responseURL))
            #expect(result.errorType == nil, "\(String(buffer: result.payload))")
            #expect(try Self.answer(standIn.uploads.first)["Status"] as? String == "SUCCESS")
        }
    }

    /// The deployment stops, rather than hand the verifiers no key.
    @Test func aMissingKeyIsAnsweredFailedAndIsAFunctionError() async throws {
        try await Self.withPublisher(environment: [:]) { lambda, responseURL, standIn in
            let result = try await lambda.invoke("PublishKeys", payload: Self.event("Create", responseURL: responseURL))
            #expect(result.errorType != nil)
            let answer = try Self.answer(standIn.uploads.first)
            #expect(answer["Status"] as? String == "FAILED")
            #expect(answer["Data"] == nil)
        }
    }
}
