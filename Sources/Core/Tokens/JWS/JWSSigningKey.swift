import Crypto

/// A key that signs tokens: HS256's shared secret or ES256's private key.
enum JWSSigningKey: Sendable {
    case hs256(SymmetricKey)
    case es256(P256.Signing.PrivateKey)

    /// The one algorithm this key signs with, which every token it signs names.
    var algorithm: JWSAlgorithm {
        switch self {
        case .hs256: .hs256
        case .es256: .es256
        }
    }

    /// The JWS signature of `signingInput`: HS256's 32-byte MAC, or ES256's r and s, 32 bytes
    /// each (RFC 7518, section 3.4), never the DER form X.509 uses.
    func signature(for signingInput: [UInt8]) throws -> [UInt8] {
        switch self {
        case .hs256(let secret):
            Array(HMAC<SHA256>.authenticationCode(for: signingInput, using: secret))
        case .es256(let privateKey):
            Array(try privateKey.signature(for: signingInput).rawRepresentation)
        }
    }
}
