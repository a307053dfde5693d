import JWTKit

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
/// wrong issuer or audience, a token expired for longer than the leeway, and one whose `nbf` is
/// ahead. Whether the user still exists is the caller's check.
public struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    private let settings: TokenSettings
    private let knownKeyIDs: Set<String>

    public init(settings: TokenSettings) async {
        let keys = JWTKeyCollection()
        switch settings.keys {
        case .hs256(let current, let verifyingOnly):
            for key in [current] + verifyingOnly {
                await keys.add(
                    hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.id))
            }
        case .es256(let signingKey, let verificationKeys):
            for key in verificationKeys where key.id != signingKey?.id {
                await keys.add(ecdsa: key.key, kid: JWKIdentifier(string: key.id))
            }
            if let signingKey {
                await keys.add(ecdsa: signingKey.privateKey, kid: JWKIdentifier(string: signingKey.id))
            }
        }
        self.keys = keys
        self.settings = settings
        self.knownKeyIDs = settings.keys.verificationKeyIDs
    }

    public var lifetime: Duration { settings.accessTokenLifetime }

    /// A token for `userID`, valid for the configured lifetime from `now`.
    ///
    /// - Throws: a ``ConfigurationError`` in a function that only verifies (it holds no private key).
    public func issue(for userID: UUID, now: Date = Date()) async throws -> String {
        guard let signingKeyID = settings.keys.signingKeyID else {
            throw ConfigurationError(
                variable: "JWT_SIGNING_KEY_SECRET_ARN", problem: "this function verifies tokens and cannot sign them")
        }
        let claims = AccessTokenClaims(
            iss: IssuerClaim(value: settings.issuer),
            aud: AudienceClaim(value: [settings.audience]),
            sub: SubjectClaim(value: userID.apiString),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(settings.accessTokenLifetime.timeInterval)),
            jti: IDClaim(value: UUID.version7(at: now).apiString),
            nbf: nil
        )
        return try await keys.sign(claims, kid: JWKIdentifier(string: signingKeyID))
    }

    /// The user id the token was issued to, or `nil` for any token that must not be accepted.
    public func verify(_ token: String, now: Date = Date()) async -> UUID? {
        guard let header = JWTHeaderInspection(token: token), header.alg == settings.keys.algorithm,
            let kid = header.kid, knownKeyIDs.contains(kid)
        else {
            return nil
        }
        guard let claims = try? await keys.verify(token, as: AccessTokenClaims.self) else { return nil }
        let leeway = settings.leeway.timeInterval
        guard claims.iss.value == settings.issuer, claims.aud.value.contains(settings.audience),
            (try? claims.exp.verifyNotExpired(currentDate: now.addingTimeInterval(-leeway))) != nil
        else {
            return nil
        }
        if let nbf = claims.nbf, (try? nbf.verifyNotBefore(currentDate: now.addingTimeInterval(leeway))) == nil {
            return nil
        }
        return UUID(uuidString: claims.sub.value)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
