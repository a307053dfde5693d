/// The JWS algorithms ChronoView signs and verifies with (RFC 7518, section 3.1): the `alg` of
/// every token it issues, and the only values of `alg` it accepts.
enum JWSAlgorithm: String, Sendable, Hashable {
    /// HMAC with SHA-256, under a shared secret.
    case hs256 = "HS256"
    /// ECDSA on P-256 with SHA-256; the signature is r and s, 32 bytes each (RFC 7518, section 3.4).
    case es256 = "ES256"
}
