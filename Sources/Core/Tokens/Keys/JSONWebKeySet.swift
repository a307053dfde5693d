/// An RFC 7517 JWK Set: the public keys that may verify a live access token.
public struct JSONWebKeySet: Encodable, Sendable, Hashable {
    public var keys: [JSONWebKey]

    public init(keys: [JSONWebKey]) {
        self.keys = keys
    }

    /// What an HS256 deployment publishes: its key is a shared secret, never published.
    public static let empty = JSONWebKeySet(keys: [])
}
