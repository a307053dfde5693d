import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Issues and verifies access tokens: JWTs with `kid`, `iss`, `aud`, `sub`, `iat`, `exp`, `jti`,
/// signed with ES256 (or HS256 where a deployment keeps a shared secret).
///
/// Verification refuses `alg: none` and every algorithm but the configured one (an HS256 token
/// under ES256 keys and the other way round, the classic key confusion), an unknown `kid`, a
/// `typ` other than JWT, any `crit`, a wrong issuer or audience, a token expired for longer than
/// the leeway, and one whose `nbf` is ahead. Whether the user still exists is the caller's check.
public struct AccessTokens: Sendable {
    /// `nil` in a function that only verifies: it holds no private key.
    private let signer: JWSSigner?
    private let verifier: JWSVerifier
    private let settings: TokenSettings

    /// Holds the keys `settings` names, by `kid`. `async` though nothing in it suspends, so that
    /// callers are unchanged from when an actor held the keys.
    public init(settings: TokenSettings) async {
        switch settings.keys {
        case .hs256(let current, let verifyingOnly):
            signer = JWSSigner(keyID: current.id, key: .hs256(SymmetricKey(data: current.secret)))
            // The current secret first, so that it wins over any older one under the same kid.
            verifier = JWSVerifier(
                keys: ([current] + verifyingOnly).map { ($0.id, .hs256(SymmetricKey(data: $0.secret))) })
        case .es256(let signingKey, let verificationKeys):
            signer = signingKey.map { JWSSigner(keyID: $0.id, key: .es256($0.privateKey)) }
            // The signing key's public half is among the verification keys: TokenSettings puts it there.
            verifier = JWSVerifier(keys: verificationKeys.map { ($0.id, .es256($0.key)) })
        }
        self.settings = settings
    }

    public var lifetime: Duration { settings.accessTokenLifetime }

    /// A token for `userID`, valid for the configured lifetime from `now`.
    ///
    /// - Throws: a ``ConfigurationError`` in a function that only verifies (it holds no private key).
    public func issue(for userID: UUID, now: Date = Date()) async throws -> String {
        guard let signer else {
            throw ConfigurationError(
                variable: "JWT_SIGNING_KEY_SECRET_ARN", problem: "this function verifies tokens and cannot sign them")
        }
        let claims = AccessTokenClaims(
            iss: settings.issuer,
            aud: AudienceClaim([settings.audience]),
            sub: userID.apiString,
            iat: NumericDate(now),
            exp: NumericDate(now.addingTimeInterval(settings.accessTokenLifetime.timeInterval)),
            jti: UUID.version7(at: now).apiString,
            nbf: nil
        )
        return try signer.sign(claims)
    }

    /// The user id the token was issued to, or `nil` for any token that must not be accepted.
    public func verify(_ token: String, now: Date = Date()) async -> UUID? {
        // The claims are read only once the signature holds: until then they are anyone's bytes.
        guard let payload = verifier.verifiedPayload(of: token),
            let claims = try? JSONCoding.decoder.decode(AccessTokenClaims.self, from: Data(payload))
        else {
            return nil
        }
        // Live while `exp` is after now less the leeway, and once `nbf` is before now plus the
        // leeway (RFC 7519, sections 4.1.4 and 4.1.5): the leeway allows for clock skew.
        let leeway = settings.leeway.timeInterval
        guard claims.iss == settings.issuer, claims.aud.values.contains(settings.audience),
            now.addingTimeInterval(-leeway) < claims.exp.date
        else {
            return nil
        }
        if let nbf = claims.nbf, !(nbf.date < now.addingTimeInterval(leeway)) {
            return nil
        }
        return UUID(uuidString: claims.sub)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
