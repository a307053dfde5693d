/// Signature Version 4's percent-encoding: every byte but RFC 3986's unreserved characters
/// (`A-Z a-z 0-9 - . _ ~`) becomes `%XY`, with upper-case hexadecimal digits. A path segment
/// or query value encoded this way is sent, and signed, as it is.
public enum URIEncoding {
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var encoded = ""
        for byte in bytes {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(Hex.uppercaseDigit(byte >> 4))
                encoded.unicodeScalars.append(Hex.uppercaseDigit(byte & 0x0F))
            }
        }
        return encoded
    }

    /// The bytes `text` stands for: each valid `%XY` decoded, anything else (a stray `%`
    /// included) taken as it is.
    static func decode(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = Hex.value(bytes[index + 1]), let low = Hex.value(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
