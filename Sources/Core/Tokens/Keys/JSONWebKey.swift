/// A public P-256 key for ES256, written as RFC 7517 and RFC 7518 (section 6.2) define it: an
/// entry of the JWK Set `GET /.well-known/jwks.json` publishes and `JWT_PUBLIC_KEYS` holds.
///
/// It has no member for a private key's `d`, so that no value of this type can publish one.
public struct JSONWebKey: Encodable, Sendable, Hashable {
    public var kty = "EC"
    public var crv = "P-256"
    /// The point's coordinates: 32 bytes each, base64url without padding (43 characters).
    public var x: String
    public var y: String
    public var kid: String
    public var alg = "ES256"
    public var use = "sig"

    public init(kid: String, x: String, y: String) {
        self.kid = kid
        self.x = x
        self.y = y
    }
}
