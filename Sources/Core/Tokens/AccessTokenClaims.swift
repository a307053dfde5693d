import JWTKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The claims of a ChronoView access token.
struct AccessTokenClaims: JWTPayload {
    var iss: IssuerClaim
    var aud: AudienceClaim
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var jti: IDClaim
    var nbf: NotBeforeClaim?

    /// Checked by jwt-kit once the signature verifies; the issuer, audience and clock come from
    /// the verifier, which checks them itself (`verify(using:)` has no way to receive them).
    func verify(using algorithm: some JWTAlgorithm) throws {}
}
