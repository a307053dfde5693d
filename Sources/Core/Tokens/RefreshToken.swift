import Crypto
import NIOCore

/// An opaque refresh token: 256 random bits, base64url. Only its SHA-256 is ever stored.
public struct RefreshToken: Sendable, Hashable {
    public let value: String

    public init(value: String) {
        self.value = value
    }

    /// A fresh token from the system's secure random generator.
    public static func generate() -> RefreshToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return RefreshToken(value: Base64URL.encode(bytes))
    }

    /// What the database keeps: the token's SHA-256.
    var hash: ByteBuffer {
        ByteBuffer(bytes: SHA256.hash(data: Array(value.utf8)))
    }
}
