import Runtime

/// `GET /.well-known/jwks.json` (API.md 1.1): the public keys that verify access tokens, as an
/// RFC 7517 JWK Set, empty under HS256. Public and the same for everyone, so clients and
/// CloudFront may keep it for five minutes; a rotation publishes a key well before it signs
/// (README.md, "Rotating the JWT signing key"), so a cached set is never missing a live key.
public enum KeyRoutes {
    public static let keySetPath = "/.well-known/jwks.json"

    public static func keySet(_ services: ChronoViewServices) -> [String: Endpoint] {
        let keySet = services.settings.tokens?.keys.publicKeySet ?? .empty
        return [
            "GET \(keySetPath)": Endpoint { _, _ in
                try .json(keySet, headers: ["cache-control": "public, max-age=300"])
            }
        ]
    }
}
