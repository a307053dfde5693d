/// A presigned request's signature, with the texts it was computed from: when AWS refuses a
/// signature, its error message shows the canonical request and string to sign it expected.
public struct SigV4QuerySignature: Sendable, Hashable {
    public let canonicalRequest: String
    public let stringToSign: String
    /// The signature itself, in lower-case hexadecimal.
    public let signature: String
    /// The query to send in place of the request's: its own parameters, then `X-Amz-Algorithm`,
    /// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
    /// `X-Amz-Security-Token` with temporary credentials, and last `X-Amz-Signature`.
    public let query: String
}
