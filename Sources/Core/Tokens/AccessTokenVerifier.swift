import JWTKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Issues and verifies access tokens: HS256 JWTs with `kid`, `iss`, `aud`, `sub`, `iat`, `exp`, `jti`.
///
/// Verification refuses `alg: none` and every algorithm but HS256, an unknown `kid`, a wrong
/// issuer or audience, a token expired for longer than the leeway, and one whose `nbf` is ahead.
/// Whether the user still exists is the caller's check.
public struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    private let settings: TokenSettings
    private let knownKeyIDs: Set<String>

    public static let algorithm = "HS256"

    public init(settings: TokenSettings) async {
        let keys = JWTKeyCollection()
        for key in [settings.currentKey] + settings.previousKeys {
            await keys.add(
                hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.id))
        }
        self.keys = keys
        self.settings = settings
        self.knownKeyIDs = Set(([settings.currentKey] + settings.previousKeys).map(\.id))
    }

    public var lifetime: Duration { settings.accessTokenLifetime }

    /// A token for `userID`, valid for the configured lifetime from `now`.
    public func issue(for userID: UUID, now: Date = Date()) async throws -> String {
        let claims = AccessTokenClaims(
            iss: IssuerClaim(value: settings.issuer),
            aud: AudienceClaim(value: [settings.audience]),
            sub: SubjectClaim(value: userID.apiString),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(settings.accessTokenLifetime.timeInterval)),
            jti: IDClaim(value: UUID.version7(at: now).apiString),
            nbf: nil
        )
        return try await keys.sign(claims, kid: JWKIdentifier(string: settings.currentKey.id))
    }

    /// The user id the token was issued to, or `nil` for any token that must not be accepted.
    public func verify(_ token: String, now: Date = Date()) async -> UUID? {
        guard let header = JWTHeaderInspection(token: token), header.alg == Self.algorithm,
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
