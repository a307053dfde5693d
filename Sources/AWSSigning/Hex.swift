/// Hexadecimal digits: lower case for hashes and signatures, upper case in percent-encoding.
enum Hex {
    /// `bytes` as lower-case hexadecimal, two digits a byte.
    static func lowercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text = ""
        for byte in bytes {
            text.unicodeScalars.append(lowercaseDigit(byte >> 4))
            text.unicodeScalars.append(lowercaseDigit(byte & 0x0F))
        }
        return text
    }

    /// The upper-case digit for `nibble` (0 to 15).
    static func uppercaseDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
    }

    /// The value of a hexadecimal digit in either case, or `nil`.
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func lowercaseDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
    }
}
