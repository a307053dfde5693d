import Foundation

/// API Gateway's connection ids: 11 random bytes in base64, 16 characters ending in a single
/// `=` (`L0SM9cOFvHcCIhw=`), the form the `@connections` API takes in its path.
enum ConnectionID {
    private static let byteCount = 11

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
    }

    /// Whether `text` has the form of a connection id, as API Gateway checks before looking it up.
    static func isWellFormed(_ text: String) -> Bool {
        text.count == 16 && Data(base64Encoded: text)?.count == byteCount
    }
}
