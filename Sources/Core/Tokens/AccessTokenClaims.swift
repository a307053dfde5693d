/// The claims of a ChronoView access token (RFC 7519, section 4.1), every one of them required
/// but `nbf`: a token without one, or with one of the wrong JSON type, is refused.
///
/// Decoding checks nothing else: the issuer, audience and clock are the verifier's, which knows
/// what to expect of them.
struct AccessTokenClaims: Codable, Sendable {
    var iss: String
    var aud: AudienceClaim
    /// The user's id.
    var sub: String
    var iat: NumericDate
    var exp: NumericDate
    var jti: String
    var nbf: NumericDate?
}
