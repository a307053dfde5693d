/// What a function does with access tokens, which decides the key material it may hold.
///
/// Set by the code (``APIFunction/tokenRole``), not by the environment, so that a verifier never
/// reads a private key even when its environment names one.
public enum TokenRole: Sendable, Hashable {
    /// Signs tokens (Login and Sessions): holds the ES256 private key, or the HS256 secret.
    case issuer
    /// Only checks tokens: holds ES256 public keys, or the HS256 secret (which, being shared, can
    /// also sign: why ES256 is the default).
    case verifier
}
