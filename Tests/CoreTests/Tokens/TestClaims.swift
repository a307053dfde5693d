import Foundation

/// The claims of an access token as ChronoView issues them, each adjustable to make the tokens a
/// verifier must refuse.
enum TestClaims {
    static func make(
        now: Date = Date(), exp: TimeInterval = 900, iss: String = "chronoview", aud: String = "chronoview-api",
        nbf: TimeInterval? = nil
    ) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": iss, "aud": aud, "sub": UUID().uuidString.lowercased(), "iat": now.timeIntervalSince1970,
            "exp": now.timeIntervalSince1970 + exp, "jti": UUID().uuidString,
        ]
        if let nbf { claims["nbf"] = now.timeIntervalSince1970 + nbf }
        return claims
    }
}
