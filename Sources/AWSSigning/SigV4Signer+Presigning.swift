import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SigV4Signer {
    /// Signs `request` as of `date` in its query string rather than its headers: a presigned
    /// URL, which whoever holds it can send, without the credentials, until it expires.
    ///
    /// The session token of temporary credentials goes in the query too, and is signed with it.
    /// Parameters of the request named like those the signature adds (`X-Amz-Date`, say) are left
    /// out, since the signature's own replace them. Every header of the request is signed, so
    /// whoever sends the request must send them as they are (`host`, at least).
    ///
    /// - Parameters:
    ///   - lifetime: how long after `date` the service accepts the request, in whole seconds
    ///     (a fraction is dropped); AWS accepts up to 7 days.
    ///   - signsPayload: signs the body's hash; when `false`, the canonical request has
    ///     `UNSIGNED-PAYLOAD` in its place, as S3 expects of a presigned URL, whose body the
    ///     signer does not know.
    public func presign(
        _ request: SignableRequest, expiresAfter lifetime: Duration, at date: Date = Date(), signsPayload: Bool = true
    ) -> SigV4QuerySignature {
        let signingDate = SigningDate(date)
        var parameters = [
            (name: "X-Amz-Algorithm", value: Self.algorithm),
            (name: "X-Amz-Credential", value: credential(day: signingDate.day)),
            (name: "X-Amz-Date", value: signingDate.timestamp),
            (name: "X-Amz-Expires", value: String(lifetime.components.seconds)),
            (
                name: "X-Amz-SignedHeaders",
                value: CanonicalRequest.signedHeaders(CanonicalRequest.canonicalHeaders(request.headers))
            ),
        ]
        if let sessionToken = credentials.sessionToken {
            parameters.append((name: "X-Amz-Security-Token", value: sessionToken))
        }
        let replaced = Set(parameters.map(\.name) + ["X-Amz-Signature"])
        let own = request.query.split(separator: "&").filter { pair in
            !replaced.contains(String(decoding: URIEncoding.decode(pair.prefix { $0 != "=" }), as: UTF8.self))
        }
        var signed = request
        signed.query = (own.map(String.init) + parameters.map { "\($0.name)=\(URIEncoding.encode($0.value.utf8))" })
            .joined(separator: "&")

        let payloadHash = signsPayload ? Hex.lowercase(SHA256.hash(data: request.body)) : "UNSIGNED-PAYLOAD"
        let canonical = CanonicalRequest(signed, payloadHash: payloadHash)
        let (stringToSign, signature) = self.signature(of: canonical, at: signingDate)
        return SigV4QuerySignature(
            canonicalRequest: canonical.text,
            stringToSign: stringToSign,
            signature: signature,
            query: "\(signed.query)&X-Amz-Signature=\(signature)"
        )
    }
}
