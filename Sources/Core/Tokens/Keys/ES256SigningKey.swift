import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An ES256 private key: what signs access tokens, held only by the functions that issue them.
public struct ES256SigningKey: Sendable {
    let privateKey: P256.Signing.PrivateKey
    /// Its public half, which the JWK Set publishes and the other functions verify with.
    public let verificationKey: ES256VerificationKey

    public var id: String { verificationKey.id }

    /// Reads one version of the signing key secret (or `JWT_PRIVATE_KEY`), which holds one of:
    /// - a PEM P-256 private key, PKCS #8 (`BEGIN PRIVATE KEY`) or SEC 1 (`BEGIN EC PRIVATE KEY`);
    /// - a private JWK: `kty` EC, `crv` P-256, `d`, and `x`, `y` and `kid` when it has them;
    /// - a seed of at least 32 letters and digits, as CloudFormation generates the secret on the
    ///   first deployment (it cannot make an EC key), from which the key is derived.
    ///
    /// The `kid` is the JWK's own, or else the RFC 7638 thumbprint of the public key, so every
    /// function derives the same one from the key alone. Errors never repeat the value.
    init(_ value: String, variable: String) throws(ConfigurationError) {
        let text = Self.trimmed(value)
        let key: P256.Signing.PrivateKey
        var id: String?
        if text.hasPrefix("-----BEGIN") {
            guard let pem = try? P256.Signing.PrivateKey(pemRepresentation: text) else {
                throw ConfigurationError(variable: variable, problem: "is a PEM block but not a P-256 private key")
            }
            key = pem
        } else if text.hasPrefix("{") {
            (key, id) = try Self.privateJWK(text, variable: variable)
        } else if Self.isSeed(text) {
            key = try Self.derive(fromSeed: text, variable: variable)
        } else {
            throw ConfigurationError(
                variable: variable,
                problem:
                    "is no P-256 private key (PEM, JWK), nor a seed of \(Self.minimumSeedLength)+ letters and digits")
        }
        privateKey = key
        verificationKey = ES256VerificationKey(key.publicKey, id: id)
    }

    /// 32 letters and digits carry about 190 bits, beyond what a P-256 key offers (128); the
    /// generated secret has 64.
    static let minimumSeedLength = 32

    /// Only letters and digits: a PEM block or a JWK with a typo is refused, never taken for a seed.
    static func isSeed(_ text: String) -> Bool {
        text.count >= minimumSeedLength && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The scalar is HKDF-SHA256 of the seed; the rare output that is no valid scalar (zero, or
    /// not below the group order: about 2^-32) moves on to the next counter.
    static func derive(fromSeed seed: String, variable: String) throws(ConfigurationError) -> P256.Signing.PrivateKey {
        let material = SymmetricKey(data: Array(seed.utf8))
        for counter in UInt8.min...UInt8.max {
            let scalar = HKDF<SHA256>.deriveKey(
                inputKeyMaterial: material, salt: Array("chronoview".utf8),
                info: Array("jwt-es256-signing-key".utf8) + [counter], outputByteCount: 32)
            if let key = try? P256.Signing.PrivateKey(rawRepresentation: scalar.withUnsafeBytes { Array($0) }) {
                return key
            }
        }
        throw ConfigurationError(variable: variable, problem: "the seed yields no P-256 key; use another")
    }

    private static func privateJWK(_ text: String, variable: String) throws(ConfigurationError) -> (
        P256.Signing.PrivateKey, id: String?
    ) {
        struct PrivateJWK: Decodable {
            var kty, crv, d, x, y, kid, alg: String?
        }
        guard let jwk = try? JSONCoding.decoder.decode(PrivateJWK.self, from: Data(text.utf8)) else {
            throw ConfigurationError(variable: variable, problem: "is not a JWK")
        }
        guard jwk.kty == "EC", jwk.crv == "P-256", jwk.alg ?? "ES256" == "ES256" else {
            throw ConfigurationError(variable: variable, problem: "is not an ES256 key (kty EC, crv P-256)")
        }
        guard let d = jwk.d.flatMap(Base64URL.decode), d.count == 32,
            let key = try? P256.Signing.PrivateKey(rawRepresentation: d)
        else {
            throw ConfigurationError(variable: variable, problem: "has no valid private part d")
        }
        // A JWK that gives its public half too must give the one its d has.
        let derived = ES256VerificationKey(key.publicKey, id: nil).jwk
        guard (jwk.x ?? derived.x) == derived.x, (jwk.y ?? derived.y) == derived.y else {
            throw ConfigurationError(variable: variable, problem: "its x and y do not belong to its d")
        }
        return (key, jwk.kid.flatMap { $0.isEmpty ? nil : $0 })
    }

    private static func trimmed(_ value: String) -> String {
        String(value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
