/// A signed request's signature, with the texts it was computed from: when AWS refuses a
/// signature, its error message shows the canonical request and string to sign it expected.
public struct SigV4Signature: Sendable, Hashable {
    public let canonicalRequest: String
    public let stringToSign: String
    /// The signature itself, in lower-case hexadecimal.
    public let signature: String
    /// The `authorization` header's value.
    public let authorization: String
    /// What to add to the request before sending it: `x-amz-date`, `x-amz-security-token` with
    /// temporary credentials, `x-amz-content-sha256` when asked for, and `authorization`.
    public let headers: [SignableRequest.Header]
}
