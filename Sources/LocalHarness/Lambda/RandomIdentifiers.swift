/// The identifiers Lambda makes up: request ids, X-Ray trace headers, log stream names.
enum RandomIdentifiers {
    /// A random (version 4) UUID in lower case, as Lambda's request ids are.
    static func requestID() -> String {
        var bytes = randomBytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = hexString(bytes)
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
            + String(characters[16..<20]) + "-" + String(characters[20..<32])
    }

    /// An X-Ray tracing header for an unsampled trace: `Root=1-<epoch hex>-<96 random bits>;...`.
    static func traceHeader(epochSeconds: Int64) -> String {
        let epoch = String(epochSeconds, radix: 16)
        let paddedEpoch = String(repeating: "0", count: max(0, 8 - epoch.count)) + epoch
        return "Root=1-\(paddedEpoch)-\(hex(byteCount: 12));Parent=\(hex(byteCount: 8));Sampled=0"
    }

    /// `count` random bytes as lower-case hex.
    static func hex(byteCount count: Int) -> String {
        hexString(randomBytes(count))
    }

    /// Random bytes, eight per call to the system generator (one `getrandom` each).
    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    private static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
