#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A token in the JWS compact serialization (RFC 7515, section 7.1), taken apart but not yet
/// verified: `header.payload.signature`, each part base64url without padding.
struct JWSCompact: Sendable {
    /// Read before any verification, to find the key and refuse what no key of ours could sign.
    let header: JWSHeader
    /// The payload's bytes; untrusted until the signature over ``signingInput`` is checked.
    let payload: [UInt8]
    let signature: [UInt8]
    /// What the signature covers: the token's own text up to its second `.`, exactly as received.
    let signingInput: [UInt8]

    /// `nil` unless `token` has exactly three parts, each canonical unpadded base64url, and a
    /// header that is a JSON object whose members above have the types they must.
    init?(_ token: some StringProtocol) {
        let text = Array(token.utf8)
        // Cut on the bytes, not the characters: a `.` followed by a combining mark is one
        // Character, and must not hide a separator from the count.
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(utf8: parts[0]),
            let payload = Base64URL.decode(utf8: parts[1]), let signature = Base64URL.decode(utf8: parts[2]),
            let decodedHeader = try? JSONCoding.decoder.decode(JWSHeader.self, from: Data(header))
        else {
            return nil
        }
        self.header = decodedHeader
        self.payload = payload
        self.signature = signature
        self.signingInput = Array(text[..<parts[1].endIndex])
    }

    /// `header` and `payload` as JSON, signed with `key`, in the compact serialization.
    static func serialize(header: JWSHeader, payload: some Encodable, signedWith key: JWSSigningKey) throws -> String {
        let signingInput =
            Base64URL.encode(try JSONCoding.text(of: header).utf8) + "."
            + Base64URL.encode(try JSONCoding.text(of: payload).utf8)
        return signingInput + "." + Base64URL.encode(try key.signature(for: Array(signingInput.utf8)))
    }
}
