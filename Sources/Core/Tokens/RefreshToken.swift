import Crypto
import Foundation
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
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return RefreshToken(value: base64)
    }

    /// What the database keeps: the token's SHA-256.
    var hash: ByteBuffer {
        ByteBuffer(bytes: SHA256.hash(data: Array(value.utf8)))
    }
}
