import NIOCore

/// `bytea`, in the hex format: `\x` and two hex digits a byte.
extension ByteBuffer: SQLEncodable, SQLTextDecodable {
    public static var sqlType: PostgresType { .bytea }

    public var sqlText: String? {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = Array("\\x".utf8)
        text.reserveCapacity(2 + 2 * readableBytes)
        for byte in readableBytesView {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public init?(sqlText text: String) {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0, characters.starts(with: Array("\\x".utf8)) else { return nil }
        func nibble(_ character: UInt8) -> UInt8? {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(characters.count / 2 - 1)
        var index = 2
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            buffer.writeInteger(high << 4 | low)
            index += 2
        }
        self = buffer
    }
}
