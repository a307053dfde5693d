extension JSONValue {
    /// How deeply arrays and objects may nest in text that ``init(parsing:maximumDepth:)`` reads:
    /// deeper than any real document, shallow enough that the recursion stays small.
    public static let maximumDepth = 512

    /// Parses JSON text strictly by RFC 8259, with numbers kept as written (``JSONNumber``).
    ///
    /// Refused: whatever the RFC's grammar does not allow (trailing commas, comments, single
    /// quotes, unquoted keys, `NaN` and `Infinity`, leading zeros, `+1`, raw control characters in
    /// strings, escapes other than the RFC's, text after the value), a byte order mark (the RFC
    /// lets parsers ignore one; a client that sends one sends more than JSON), bytes that are not
    /// UTF-8, `\u` escapes of lone surrogates (the grammar allows them, but they are no Unicode
    /// text, and no Swift `String` holds them), and arrays and objects nested deeper than
    /// `maximumDepth`. A key given twice keeps its last value.
    public init(parsing text: some Collection<UInt8>, maximumDepth: Int = JSONValue.maximumDepth)
        throws(JSONParseError)
    {
        let parse = { (bytes: UnsafeBufferPointer<UInt8>) in
            var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
            return Result { () throws(JSONParseError) in try parser.parseText() }
        }
        let result = text.withContiguousStorageIfAvailable(parse) ?? Array(text).withUnsafeBufferPointer(parse)
        self = try result.get()
    }
}

/// The recursive descent behind ``JSONValue/init(parsing:maximumDepth:)``, over the text's bytes.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    private var index = 0
    private var depth = 0
    /// The decoded bytes of a string with escapes, reused from one such string to the next.
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The one value the whole text must be, with nothing but whitespace around it.
    mutating func parseText() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw JSONParseError("a byte order mark, which JSON text does not start with", at: 0)
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONParseError("text after the JSON value", at: index) }
        return value
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// RFC 8259's four whitespace characters, and no others.
    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard let byte = current else { throw JSONParseError("the text ends where a value is expected", at: index) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expect(literal: "true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect(literal: "false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect(literal: "null")
            return .null
        default: throw JSONParseError("expected a value", at: index)
        }
    }

    private mutating func expect(literal: String) throws(JSONParseError) {
        let start = index
        for byte in literal.utf8 {
            guard current == byte else { throw JSONParseError("expected a value", at: start) }
            index += 1
        }
    }

    /// Steps into an array or object, past its opening bracket.
    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= maximumDepth else {
            throw JSONParseError("arrays and objects nested deeper than \(maximumDepth)", at: index)
        }
        index += 1
        skipWhitespace()
    }

    /// After a member's comma: another member must follow, not the closing bracket.
    private mutating func skipComma(before closing: UInt8) throws(JSONParseError) {
        index += 1
        skipWhitespace()
        if current == closing { throw JSONParseError("a trailing comma", at: index) }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): try skipComma(before: UInt8(ascii: "]"))
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw JSONParseError("expected ',' or ']'", at: index)
            }
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw JSONParseError("expected a key in double quotes", at: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw JSONParseError("expected ':'", at: index) }
            index += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): try skipComma(before: UInt8(ascii: "}"))
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw JSONParseError("expected ',' or '}'", at: index)
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else {
            throw JSONParseError("a minus sign without digits after it", at: index)
        }
        index += 1
        if first == UInt8(ascii: "0") {
            if let next = current, Self.isDigit(next) {
                throw JSONParseError("a number with a leading zero", at: start)
            }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else { throw JSONParseError("a decimal point without digits after it", at: index) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw JSONParseError("an exponent without digits", at: index) }
        }
        return JSONNumber(
            checkedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Whether there was at least one digit.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = current, Self.isDigit(byte) { index += 1 }
        return index > start
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A string from its opening quote to past its closing one, with its escapes decoded.
    private mutating func parseString() throws(JSONParseError) -> String {
        let start = index
        index += 1
        var segmentStart = index
        var hasEscapes = false
        scratch.removeAll(keepingCapacity: true)
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])
                index += 1
                // An escape is ASCII, so it never splits a character: the bytes between escapes
                // are UTF-8 on their own exactly when they are in the joined string.
                let text: String?
                if hasEscapes {
                    scratch.append(contentsOf: segment)
                    text = String(validating: scratch, as: UTF8.self)
                } else {
                    text = String(validating: segment, as: UTF8.self)
                }
                guard let text else { throw JSONParseError("a string that is not UTF-8", at: start) }
                return text
            case UInt8(ascii: "\\"):
                hasEscapes = true
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                try parseEscape()
                segmentStart = index
            case 0x00..<0x20:
                throw JSONParseError("a control character in a string, which must be escaped", at: index)
            default:
                index += 1
            }
        }
        throw JSONParseError("a string without its closing quote", at: start)
    }

    /// One escape, from its backslash, appended to `scratch` as UTF-8.
    private mutating func parseEscape() throws(JSONParseError) {
        let start = index
        index += 1
        let simple: UInt8
        switch current {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            index += 1
            try appendUnicodeEscape(from: start)
            return
        default: throw JSONParseError("an escape JSON does not have", at: start)
        }
        index += 1
        scratch.append(simple)
    }

    /// The four hex digits after `\u`, and the low surrogate's escape after a high one.
    private mutating func appendUnicodeEscape(from start: Int) throws(JSONParseError) {
        var value = try parseHexQuad()
        switch value {
        case 0xD800...0xDBFF:
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONParseError("a lone surrogate escape", at: start)
            }
            index += 2
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError("a lone surrogate escape", at: start) }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONParseError("a lone surrogate escape", at: start)
        default:
            break
        }
        // Every value left is a scalar: surrogates were paired or refused above.
        UTF8.encode(Unicode.Scalar(value)!) { scratch.append($0) }
    }

    private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt8
            switch current {
            case let byte? where Self.isDigit(byte): digit = byte - UInt8(ascii: "0")
            case let byte? where (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte):
                digit = byte - UInt8(ascii: "a") + 10
            case let byte? where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte):
                digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError("a \\u escape without four hex digits", at: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
