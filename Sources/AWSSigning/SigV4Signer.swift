import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs requests to one AWS service in one region with AWS Signature Version 4, in the
/// `authorization` header or, presigned, in the query string (``presign(_:expiresAfter:at:signsPayload:)``).
public struct SigV4Signer: Sendable, Hashable {
    public var credentials: AWSCredentials
    /// `us-east-1`, say.
    public var region: String
    /// The service's signing name: `sqs`, `execute-api`, ...
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs `request` as of `date`.
    ///
    /// Headers of the request named like those the signature adds (`x-amz-date`, say) are left
    /// out of the signature, since the signature's own replace them.
    ///
    /// - Parameter includesPayloadHash: also sends (and signs) the body's hash as
    ///   `x-amz-content-sha256`, which S3 requires and other services accept.
    public func sign(_ request: SignableRequest, at date: Date = Date(), includesPayloadHash: Bool = false)
        -> SigV4Signature
    {
        let signingDate = SigningDate(date)
        let payloadHash = Hex.lowercase(SHA256.hash(data: request.body))
        var added = [SignableRequest.Header("x-amz-date", signingDate.timestamp)]
        if let sessionToken = credentials.sessionToken {
            added.append(SignableRequest.Header("x-amz-security-token", sessionToken))
        }
        if includesPayloadHash {
            added.append(SignableRequest.Header("x-amz-content-sha256", payloadHash))
        }
        let replaced = Set(added.map(\.name) + ["authorization"])
        var signed = request
        signed.headers = request.headers.filter { !replaced.contains($0.name.lowercased()) } + added
        let canonical = CanonicalRequest(signed, payloadHash: payloadHash)
        let (stringToSign, signature) = self.signature(of: canonical, at: signingDate)
        let authorization =
            "\(Self.algorithm) Credential=\(credential(day: signingDate.day)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        return SigV4Signature(
            canonicalRequest: canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            authorization: authorization,
            headers: added + [SignableRequest.Header("authorization", authorization)]
        )
    }

    static let algorithm = "AWS4-HMAC-SHA256"

    /// The access key and the credential scope, as `authorization` and `X-Amz-Credential` state them.
    func credential(day: String) -> String {
        "\(credentials.accessKeyID)/\(scope(day: day))"
    }

    /// The string to sign for `canonical` and its signature: the same whether the signature then
    /// goes in a header or in the query.
    func signature(of canonical: CanonicalRequest, at signingDate: SigningDate) -> (
        stringToSign: String, signature: String
    ) {
        let stringToSign = [
            Self.algorithm, signingDate.timestamp, scope(day: signingDate.day),
            Hex.lowercase(SHA256.hash(data: Array(canonical.text.utf8))),
        ].joined(separator: "\n")
        let signature = Hex.lowercase(
            HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: signingDate.day)))
        return (stringToSign, signature)
    }

    private func scope(day: String) -> String {
        "\(day)/\(region)/\(service)/aws4_request"
    }

    /// The key derived from the secret for this day, region and service.
    private func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for step in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(step.utf8), using: key))
        }
        return key
    }
}
