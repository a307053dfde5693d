/// Signs tokens with one key, naming it in each token's `kid`.
struct JWSSigner: Sendable {
    /// The `kid` of every token signed.
    let keyID: String
    let key: JWSSigningKey

    /// `payload` as the payload of a compact JWS whose header is `alg` (the key's own), `kid` and
    /// `typ` JWT.
    func sign(_ payload: some Encodable) throws -> String {
        let header = JWSHeader(alg: key.algorithm.rawValue, kid: keyID, typ: "JWT")
        return try JWSCompact.serialize(header: header, payload: payload, signedWith: key)
    }
}
