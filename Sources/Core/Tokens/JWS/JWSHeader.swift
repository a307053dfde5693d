/// The protected header of a compact JWS (RFC 7515, section 4): the members ChronoView writes,
/// and those it must look at before trusting a token. Any other member is ignored.
struct JWSHeader: Codable, Sendable, Hashable {
    /// The algorithm the token claims to be signed with. It never chooses how a token is checked:
    /// the key its `kid` names does, and this must then name that key's algorithm exactly.
    var alg: String?
    /// The key the token was signed with.
    var kid: String?
    /// `JWT` when given (RFC 7519, section 5.1).
    var typ: String?
    /// Extensions the recipient must understand to accept the token (RFC 7515, section 4.1.11).
    /// ChronoView understands none, so a token that lists any is refused.
    var crit: [String]?

    init(alg: String?, kid: String?, typ: String? = nil, crit: [String]? = nil) {
        self.alg = alg
        self.kid = kid
        self.typ = typ
        self.crit = crit
    }
}
