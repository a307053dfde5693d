import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An ES256 public key and its `kid`: all that a function that only verifies tokens holds.
public struct ES256VerificationKey: Sendable, Equatable {
    /// The key as the JWK Set publishes it.
    public let jwk: JSONWebKey
    let key: P256.Signing.PublicKey

    public var id: String { jwk.kid }

    /// - Parameter id: the key's `kid`; when nil, its RFC 7638 thumbprint, which every function
    ///   derives alike from the key alone.
    init(_ publicKey: P256.Signing.PublicKey, id: String?) {
        // X9.63: 0x04, then x and y, 32 bytes each.
        let point = Array(publicKey.x963Representation)
        let x = Base64URL.encode(point[1...32])
        let y = Base64URL.encode(point[33...64])
        key = publicKey
        jwk = JSONWebKey(kid: id ?? KeyIdentifier.thumbprint(x: x, y: y), x: x, y: y)
    }

    /// Reads a JWK Set of public keys, as `JWT_PUBLIC_KEYS` holds it: each `kty` EC, `crv` P-256,
    /// with `kid`, `x` and `y`, and `alg` ES256 and `use` sig where given. A key with a private
    /// part (`d`) is refused rather than ignored: a verifier is never to be handed one.
    static func keySet(_ text: String, variable: String) throws(ConfigurationError) -> [ES256VerificationKey] {
        struct PublishedKey: Decodable {
            var kty, crv, x, y, kid, alg, use, d: String?
        }
        struct PublishedKeySet: Decodable {
            var keys: [PublishedKey]
        }
        guard let set = try? JSONCoding.decoder.decode(PublishedKeySet.self, from: Data(text.utf8)) else {
            throw ConfigurationError(variable: variable, problem: "is not a JWK Set ({\"keys\": [...]})")
        }
        var keys: [ES256VerificationKey] = []
        for (index, published) in set.keys.enumerated() {
            func refuse(_ problem: String) -> ConfigurationError {
                ConfigurationError(variable: variable, problem: "key \(index): \(problem)")
            }
            guard published.d == nil else { throw refuse("holds a private key (d); give verifiers public keys only") }
            guard published.kty == "EC", published.crv == "P-256", published.alg ?? "ES256" == "ES256",
                published.use ?? "sig" == "sig"
            else {
                throw refuse("is not an ES256 signing key (kty EC, crv P-256, alg ES256, use sig)")
            }
            guard let kid = published.kid, !kid.isEmpty else { throw refuse("has no kid") }
            guard let x = published.x.flatMap(Base64URL.decode), let y = published.y.flatMap(Base64URL.decode),
                x.count == 32, y.count == 32,
                let point = try? P256.Signing.PublicKey(x963Representation: [0x04] + x + y)
            else {
                throw refuse("x and y are not a P-256 point (32 bytes each, base64url)")
            }
            guard !keys.contains(where: { $0.id == kid }) else { throw refuse("repeats kid \(kid)") }
            keys.append(ES256VerificationKey(point, id: kid))
        }
        return keys
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.jwk == rhs.jwk
    }
}
