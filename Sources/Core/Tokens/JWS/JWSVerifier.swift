/// Verifies compact JWS tokens against a set of keys, each named by its `kid`.
///
/// The key is chosen by `kid` alone, and the token's `alg` must then be that key's algorithm,
/// exactly: `alg` never chooses how a token is checked. So `none` (in any spelling), an HS256
/// token under ES256 keys (a public key taken for an HMAC secret), an ES256 token under HS256
/// keys and any other algorithm are refused before any signature is computed, as is a token
/// without a `kid` or naming a key not held: there is no default key to fall back on.
struct JWSVerifier: Sendable {
    private let keys: [String: JWSVerificationKey]

    /// - Parameter keys: the keys by `kid`. Where two share one, the first is kept, so that a
    ///   current key listed first is never shadowed by an older one.
    init(keys: [(id: String, key: JWSVerificationKey)]) {
        self.keys = Dictionary(keys.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first })
    }

    /// The payload of `token`, once its header and signature check out; `nil` for any token that
    /// must not be trusted. Only the payload's signature is checked here: its claims are the caller's.
    func verifiedPayload(of token: some StringProtocol) -> [UInt8]? {
        guard let jws = JWSCompact(token), let keyID = jws.header.kid, let key = keys[keyID],
            jws.header.alg == key.algorithm.rawValue, jws.header.typ ?? "JWT" == "JWT", jws.header.crit == nil,
            key.isValidSignature(jws.signature, for: jws.signingInput)
        else {
            return nil
        }
        return jws.payload
    }
}
