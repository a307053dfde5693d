import LambdaEvents
import Testing

/// `JSONValue(parsing:)` against RFC 8259: everything the grammar allows, nothing it does not.
@Suite struct JSONParserTests {
    static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONValue(parsing: text.utf8)
    }

    /// What lenient parsers take, and RFC 8259 does not.
    static let refused: [(text: String, reason: String)] = [
        (#"{"a":1,}"#, "a trailing comma"),
        ("[1,]", "a trailing comma"),
        ("[1,,2]", "expected a value"),
        (#"{"a":1 /* note */}"#, "expected ',' or '}'"),
        ("// note\n{}", "expected a value"),
        (#"{"a":1} # note"#, "text after the JSON value"),
        ("{'a':1}", "expected a key in double quotes"),
        (#"{"a":'x'}"#, "expected a value"),
        (#"{"a":NaN}"#, "expected a value"),
        (#"{"a":Infinity}"#, "expected a value"),
        (#"{"a":-Infinity}"#, "a minus sign without digits after it"),
        (#"{"a":01}"#, "a number with a leading zero"),
        (#"{"a":-01}"#, "a number with a leading zero"),
        (#"{"a":00}"#, "a number with a leading zero"),
        (#"{"a":+1}"#, "expected a value"),
        (#"{"a":.5}"#, "expected a value"),
        (#"{"a":1.}"#, "a decimal point without digits after it"),
        (#"{"a":1e}"#, "an exponent without digits"),
        (#"{"a":1e+}"#, "an exponent without digits"),
        (#"{"a":0x10}"#, "expected ',' or '}'"),
        ("{a:1}", "expected a key in double quotes"),
        ("{1:1}", "expected a key in double quotes"),
        (#"{"a" 1}"#, "expected ':'"),
        (#"{"a":1 "b":2}"#, "expected ',' or '}'"),
        ("[1 2]", "expected ',' or ']'"),
        (#"{"a":"x\#ty"}"#, "a control character in a string, which must be escaped"),
        ("{\"a\":\"x\ny\"}", "a control character in a string, which must be escaped"),
        ("{\"a\":\"x\u{0}y\"}", "a control character in a string, which must be escaped"),
        (#"{"a":"\x"}"#, "an escape JSON does not have"),
        (#"{"a":"\'"}"#, "an escape JSON does not have"),
        (#"{"a":"\U0041"}"#, "an escape JSON does not have"),
        (#"{"a":"\u12"}"#, "a \\u escape without four hex digits"),
        (#"{"a":"\u12G4"}"#, "a \\u escape without four hex digits"),
        (#"{"a":"\ud800"}"#, "a lone surrogate escape"),
        (#"{"a":"\udc00"}"#, "a lone surrogate escape"),
        (#"{"a":"\ud800x"}"#, "a lone surrogate escape"),
        (#"{"a":"\ud800\u0041"}"#, "a lone surrogate escape"),
        (#"{"a":"\udc00\ud800"}"#, "a lone surrogate escape"),
        (#"{"a":1} x"#, "text after the JSON value"),
        (#"{"a":1}{}"#, "text after the JSON value"),
        (#"{"a":1},"#, "text after the JSON value"),
        ("\u{FEFF}{}", "a byte order mark, which JSON text does not start with"),
        ("\u{A0}{}", "expected a value"),
        ("\u{0C}{}", "expected a value"),
        ("{}\u{0B}", "text after the JSON value"),
        ("", "the text ends where a value is expected"),
        (" \n", "the text ends where a value is expected"),
        ("{", "expected a key in double quotes"),
        ("[", "the text ends where a value is expected"),
        (#"{"a":}"#, "expected a value"),
        (#""abc"#, "a string without its closing quote"),
        ("tru", "expected a value"),
        ("True", "expected a value"),
        ("nul", "expected a value"),
        ("undefined", "expected a value"),
    ]

    @Test func whatRFC8259DoesNotAllowIsRefusedWithItsReason() {
        for (text, reason) in Self.refused {
            #expect(throws: JSONParseError.self, "\(text.debugDescription)") { try Self.parse(text) }
            do {
                _ = try Self.parse(text)
            } catch {
                #expect(error.reason == reason, "\(text.debugDescription): \(error)")
            }
        }
    }

    @Test(
        arguments: [
            [0x22, 0xFF, 0x22],  // a byte no UTF-8 has
            [0x22, 0xC0, 0xAF, 0x22],  // an overlong "/"
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // a surrogate encoded as UTF-8
            [0x22, 0xE2, 0x82, 0x22],  // a truncated "€"
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // past U+10FFFF
            [0x22, 0x5C, 0x6E, 0xFF, 0x22],  // after an escape
        ] as [[UInt8]])
    func stringsThatAreNotUTF8AreRefused(_ bytes: [UInt8]) {
        #expect(throws: JSONParseError("a string that is not UTF-8", at: 0)) { try JSONValue(parsing: bytes) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x7B] + bytes + [0x3A, 0x31, 0x7D]) }
    }

    @Test func bytesThatAreNotUTF8OutsideStringsAreRefused() {
        #expect(throws: JSONParseError("expected a value", at: 0)) { try JSONValue(parsing: [0xFF, 0x7B, 0x7D]) }
        #expect(throws: JSONParseError("text after the JSON value", at: 2)) {
            try JSONValue(parsing: [0x7B, 0x7D, 0xC3])
        }
    }

    @Test func everythingRFC8259AllowsIsRead() throws {
        let text = """
             \t\r\n{"numbers" : [0, -0, 1.5, -1.5e3, 1E+3, 1e-8, 0.0, 1e400, 5e-324, -2.2250738585e-313],
            "literals":[true,false,null], "empty": {"object":{}, "array":[]},
            "escapes":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\\ud83d\\udcc8\\u0000",
            "raw":"é€📈\u{7F}\u{2028}", "\\u006Bey": 1 }\r\n
            """
        let value = try Self.parse(text)
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        let numbers = ["0", "-0", "1.5", "-1.5e3", "1E+3", "1e-8", "0.0", "1e400", "5e-324", "-2.2250738585e-313"]
        #expect(members["numbers"] == .array(numbers.map { .number(JSONNumber($0)!) }))
        #expect(members["literals"] == .array([.bool(true), .bool(false), .null]))
        #expect(members["empty"] == .object(["object": .object([:]), "array": .array([])]))
        #expect(members["escapes"] == .string("\"\\/\u{8}\u{C}\n\r\tAé€📈\u{0}"))
        #expect(members["raw"] == .string("é€📈\u{7F}\u{2028}"))
        #expect(members["key"] == .number(1))
    }

    @Test(arguments: ["0", "-0", "1", "\"text\"", "true", "false", "null", "[]", "{}", " 1 "])
    func anyValueMayBeTheWholeText(_ text: String) throws {
        _ = try Self.parse(text)
    }

    @Test func aKeyGivenTwiceKeepsItsLastValue() throws {
        #expect(try Self.parse(#"{"a":1,"b":2,"a":3}"#) == .object(["a": .number(3), "b": .number(2)]))
    }

    @Test func nestingIsLimitedTo512ArraysAndObjects() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try Self.parse(deepest)
        let objects = String(repeating: #"{"a":"#, count: 511) + "[]" + String(repeating: "}", count: 511)
        _ = try Self.parse(objects)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONParseError("arrays and objects nested deeper than 512", at: 512)) {
            try Self.parse(tooDeep)
        }
        // Refused at the limit, without descending further: no stack to run out of.
        #expect(throws: JSONParseError.self) { try Self.parse(String(repeating: "[", count: 1_000_000)) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[[1]]".utf8, maximumDepth: 1) }
    }

    @Test func parsedTextWritesBackCompactWithSortedKeysAndNumbersAsWritten() throws {
        let text = #"{ "b" : [1.0, -0, 1E+3, 1e400], "a": "x/\"\u0001\n€", "A": {}, "é": null, "a2": true }"#
        let value = try Self.parse(text)
        #expect(value.jsonText == #"{"A":{},"a":"x/\"\u0001\n€","a2":true,"b":[1.0,-0,1E+3,1e400],"é":null}"#)
        #expect(try Self.parse(value.jsonText) == value)
    }
}
