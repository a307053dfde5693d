import Crypto
import Foundation

@testable import Core

/// ES256 keys and settings as a deployment has them: an issuer holding a private key, and a
/// verifier holding only the JWK Set the issuer publishes.
struct ES256TestKeys {
    let privateKey = P256.Signing.PrivateKey()

    var pem: String { privateKey.pemRepresentation }

    /// What Login and Sessions hold: the key, and the public halves of `verifyingOnly` keys.
    func issuerSettings(verifyingOnly: [ES256TestKeys] = []) throws -> TokenSettings {
        try TokenSettings(
            environment: EnvironmentVariables(["JWT_PRIVATE_KEY": pem]), role: .issuer,
            secrets: FetchedSecrets(
                jwtSigningKey: pem, verifyingOnlyJWTSigningKeys: verifyingOnly.map(\.pem)))
    }

    /// What the other functions hold: `JWT_PUBLIC_KEYS` as the issuer publishes it.
    static func verifierSettings(publishedBy issuer: TokenSettings) throws -> TokenSettings {
        try TokenSettings(
            environment: EnvironmentVariables(["JWT_PUBLIC_KEYS": try JSONCoding.text(of: issuer.keys.publicKeySet)]),
            role: .verifier)
    }

    /// The key's `kid`: its RFC 7638 thumbprint, worked out here apart from the code under test.
    var thumbprint: String {
        let point = Array(privateKey.publicKey.x963Representation)
        let members = [
            "crv": "P-256", "kty": "EC", "x": Base64URL.encode(point[1...32]), "y": Base64URL.encode(point[33...64]),
        ]
        let json = try! JSONSerialization.data(
            withJSONObject: members, options: [.sortedKeys, .withoutEscapingSlashes])
        return Base64URL.encode(SHA256.hash(data: json))
    }

    /// Signs arbitrary header and claims with this key, to forge the tokens a verifier must refuse.
    func forge(header: [String: Any], claims: [String: Any]) throws -> String {
        let signingInput =
            Base64URL.encode(try JSONSerialization.data(withJSONObject: header)) + "."
            + Base64URL.encode(try JSONSerialization.data(withJSONObject: claims))
        let signature = try privateKey.signature(for: SHA256.hash(data: Array(signingInput.utf8)))
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }
}
