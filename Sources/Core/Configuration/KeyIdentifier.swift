import Crypto

/// Names a signing key without revealing it, so that every environment holding a key agrees on
/// its `kid` without another setting.
enum KeyIdentifier {
    /// An HS256 key's: the first bytes of a SHA-256 of the secret.
    static func derive(from secret: [UInt8]) -> String {
        let digest = SHA256.hash(data: secret)
        return digest.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// An EC P-256 public key's: its RFC 7638 JWK thumbprint, the SHA-256 of the required members
    /// in lexicographic order without whitespace, base64url.
    static func thumbprint(x: String, y: String) -> String {
        let members = #"{"crv":"P-256","kty":"EC","x":""# + x + #"","y":""# + y + #""}"#
        return Base64URL.encode(SHA256.hash(data: Array(members.utf8)))
    }
}
