import Core
import LambdaEvents
import Logging
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `PublishKeys` function, behind CloudFormation's `JwtPublicKeys` custom resource: on each
/// Create and Update (every deployment with a new `DeploymentId`) it reads the ES256 signing key
/// secret, every stage that signs or verifies (`AWSCURRENT`, `AWSPENDING`, `AWSPREVIOUS`), and
/// answers with their public halves as a JWK Set in `Data.Jwks`. The template hands that to the
/// functions that verify tokens as `JWT_PUBLIC_KEYS`, so that they never hold the private key:
/// only this function, which no request can reach, and the functions that sign (Login and
/// Sessions) read it.
///
/// The secret is read on every invocation, never kept: a deployment after a rotation must
/// publish the secret as it is now.
public struct PublicKeysPublisher: LambdaHandler {
    /// CloudFormation's answer, with the key set for `!GetAtt JwtPublicKeys.Jwks`.
    struct Answer: Encodable {
        var Status: String
        var Reason: String
        var PhysicalResourceId: String
        var StackId: String
        var RequestId: String
        var LogicalResourceId: String
        var Data: [String: String]?
    }

    private let environment: EnvironmentVariables

    public init(environment: EnvironmentVariables = .process) {
        self.environment = environment
    }

    /// The published set; `nil` for the stack's Delete, which leaves the secret to its own fate.
    /// Invoked directly (`{}`), it answers the set without telling CloudFormation anything.
    public func handle(_ event: JSONValue, context: LambdaContext) async throws -> JSONWebKeySet? {
        guard let request = CustomResourceRequest(event) else { return try await keySet(context: context) }
        func answer(_ status: String, _ reason: String, keySet: JSONWebKeySet? = nil) async throws {
            let answer = Answer(
                Status: status, Reason: reason,
                PhysicalResourceId: request.physicalResourceID ?? "chronoview-jwt-public-keys",
                StackId: request.stackID, RequestId: request.requestID, LogicalResourceId: request.logicalResourceID,
                Data: try keySet.map { ["Jwks": try JSONCoding.text(of: $0)] })
            let body = try JSONEncoder().encode(answer)
            try await PresignedURLUpload.put(Array(body), to: request.responseURL, eventLoop: context.eventLoop)
        }
        guard request.requestType != "Delete" else {
            try await answer("SUCCESS", "nothing to undo")
            return nil
        }
        let keySet: JSONWebKeySet
        do {
            keySet = try await self.keySet(context: context)
        } catch {
            context.logger.error("cannot publish the token keys", metadata: ["error": "\(error)"])
            try await answer("FAILED", "cannot read the signing key; see log stream \(context.requestID)")
            throw error
        }
        try await answer("SUCCESS", "published \(keySet.keys.count) public keys", keySet: keySet)
        return keySet
    }

    /// What a function that signs would verify with, from the same secret.
    private func keySet(context: LambdaContext) async throws -> JSONWebKeySet {
        let secrets = try await SecretsLoader.load(
            environment: environment, tokens: .issuer, logger: context.logger, eventLoop: context.eventLoop)
        return try TokenSettings(environment: environment, role: .issuer, secrets: secrets).keys.publicKeySet
    }
}
