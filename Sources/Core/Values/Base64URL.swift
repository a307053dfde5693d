#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Base64url without padding (RFC 4648 §5), as tokens and cursors travel in URLs and JSON.
enum Base64URL {
    /// `bytes` in the URL-safe alphabet, with no `=` padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.last == "=" { text.removeLast() }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// The bytes of unpadded base64url text; `nil` for any other text (the standard alphabet,
    /// padding, or a length no encoding has).
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(utf8: text.utf8)
    }

    /// The bytes of unpadded base64url text given as its UTF-8, as a token's parts are cut from it.
    ///
    /// Only the one canonical text of each byte string decodes: the bits of the last character
    /// beyond the last byte must be zero (RFC 4648 §3.5). Otherwise up to 16 spellings of one
    /// signature would verify alike, and a token could be altered and still be accepted.
    static func decode(utf8 text: some Collection<UInt8>) -> [UInt8]? {
        // 1 character more than a whole group carries 6 bits: not even one byte.
        guard text.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count * 3 / 4)
        var pending: UInt32 = 0
        var pendingBits = 0
        for character in text {
            guard let value = sextet(character) else { return nil }
            // 12 bits are the most ever pending: 6 new ones on top of at most 6 left over.
            pending = ((pending << 6) | UInt32(value)) & 0xFFF
            pendingBits += 6
            if pendingBits >= 8 {
                pendingBits -= 8
                bytes.append(UInt8(truncatingIfNeeded: pending >> UInt32(pendingBits)))
            }
        }
        let unusedBits: UInt32 = (1 << UInt32(pendingBits)) - 1
        guard pending & unusedBits == 0 else { return nil }
        return bytes
    }

    /// The 6 bits a character of the URL-safe alphabet stands for; `nil` for any other byte,
    /// `=` and the standard alphabet's `+` and `/` among them.
    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
