import Crypto

/// A key that verifies tokens: HS256's shared secret or ES256's public key.
///
/// Each key checks its own algorithm's signatures only, whatever a token's header says: an ES256
/// public key is never used as an HMAC secret, nor a secret as anything but one.
enum JWSVerificationKey: Sendable {
    case hs256(SymmetricKey)
    case es256(P256.Signing.PublicKey)

    /// The one algorithm this key verifies, which a token's `alg` must name exactly.
    var algorithm: JWSAlgorithm {
        switch self {
        case .hs256: .hs256
        case .es256: .es256
        }
    }

    /// Whether `signature` is this key's over `signingInput`.
    func isValidSignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        switch self {
        case .hs256(let secret):
            // Compares in constant time, so a forger learns nothing from how long a refusal takes;
            // a MAC of any length but 32 bytes is refused.
            return HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: secret)
        case .es256(let publicKey):
            // Only the 64-byte r and s are a JWS signature; the DER form, or any other length, is refused.
            guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return publicKey.isValidSignature(signature, for: signingInput)
        }
    }
}
