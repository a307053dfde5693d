/// The keys a function signs and verifies access tokens with, for one algorithm: a token of any
/// other algorithm is refused, so an HS256 token is never checked against an ES256 key's public
/// half used as an HMAC secret, nor the other way round.
public enum TokenKeys: Sendable {
    /// HS256 (`JWT_SECRET`): the current secret signs; it and the `verifyingOnly` ones (older,
    /// or about to become current) verify. Every function holding them could also sign.
    case hs256(current: SharedSecretKey, verifyingOnly: [SharedSecretKey])
    /// ES256, the default: the private key signs, in the functions that issue tokens only (`nil`
    /// everywhere else); the public keys verify, the signing key's own among them.
    case es256(signingKey: ES256SigningKey?, verificationKeys: [ES256VerificationKey])

    /// The `alg` of every token signed, and of every token accepted.
    public var algorithm: String {
        switch self {
        case .hs256: "HS256"
        case .es256: "ES256"
        }
    }

    /// The `kid` new tokens carry; `nil` where no key may sign.
    public var signingKeyID: String? {
        switch self {
        case .hs256(let current, _): current.id
        case .es256(let signingKey, _): signingKey?.id
        }
    }

    /// What `GET /.well-known/jwks.json` publishes: every public key that may still verify a live
    /// token; none under HS256, whose key is a secret.
    public var publicKeySet: JSONWebKeySet {
        switch self {
        case .hs256: .empty
        case .es256(_, let verificationKeys): JSONWebKeySet(keys: verificationKeys.map(\.jwk))
        }
    }
}
