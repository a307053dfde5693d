import Crypto

/// Names a signing key without revealing it: the first bytes of a SHA-256 of the secret.
enum KeyIdentifier {
    static func derive(from secret: [UInt8]) -> String {
        let digest = SHA256.hash(data: secret)
        return digest.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
