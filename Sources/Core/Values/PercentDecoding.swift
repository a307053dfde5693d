/// Foundation's `removingPercentEncoding`, which FoundationEssentials lacks.
extension StringProtocol {
    /// The text with each `%` and two hex digits replaced by the byte they stand for, read as
    /// UTF-8; `nil` when a `%` is not followed by two hex digits or the bytes are not UTF-8.
    ///
    /// A byte-order mark that starts the decoded bytes is dropped, as Foundation drops it when it
    /// reads them as UTF-8 text. One quirk of Foundation on Linux is not kept: it reads a stray
    /// `%A9` (and no other byte that is not UTF-8) as U+FFFD instead of refusing the text.
    func percentDecoded() -> String? {
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var input = utf8.makeIterator()
        while let byte = input.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...]
        return String(validating: text, as: UTF8.self)
    }
}
