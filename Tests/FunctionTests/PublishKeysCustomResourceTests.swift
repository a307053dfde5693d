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
        let publisher = FunctionProcesses.definition("PublishKeys", environment: environment)
        try await ResponseURLStandIn.with { responseURL, standIn in
            try await withLocalLambda(functions: [publisher], logger: FunctionProcesses.quietLogger) { lambda in
                try await body(lambda, responseURL, standIn)
            }
        }
    }

    static func event(_ requestType: String, responseURL: String) -> ByteBuffer {
        ResponseURLStandIn.event(
            requestType, responseURL: responseURL, logicalID: "JwtPublicKeys", function: "PublishKeys")
    }

    @Test func anUpdateIsAnsweredWithThePublicKeysAVerifierAccepts() async throws {
        try await Self.withPublisher(environment: ["JWT_PRIVATE_KEY": Self.seed]) { lambda, responseURL, standIn in
            let result = try await lambda.invoke("PublishKeys", payload: Self.event("Update", responseURL: responseURL))
            #expect(result.errorType == nil, "\(String(buffer: result.payload))")
            let answer = try standIn.answer()
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
            #expect(try standIn.answer()["Status"] as? String == "SUCCESS")
        }
    }

    /// The deployment stops, rather than hand the verifiers no key.
    @Test func aMissingKeyIsAnsweredFailedAndIsAFunctionError() async throws {
        try await Self.withPublisher(environment: [:]) { lambda, responseURL, standIn in
            let result = try await lambda.invoke("PublishKeys", payload: Self.event("Create", responseURL: responseURL))
            #expect(result.errorType != nil)
            let answer = try standIn.answer()
            #expect(answer["Status"] as? String == "FAILED")
            #expect(answer["Data"] == nil)
        }
    }
}
