import Foundation
import LambdaEvents
import Testing

/// `JSONValueEncoder` writes what `JSONEncoder` writes, but a `JSONValue`'s numbers as given.
@Suite struct JSONValueEncoderTests {
    enum Colour: String, Encodable { case red }

    struct Inner: Encodable {
        var values: [Double] = [0.1, 1e-5, 1e20, 100, -0.0, 123_456_789.125]
        var small: Float = 0.5
    }

    /// A frame that encodes its own fields into the same object, as `OwnedObject` does.
    struct Framed: Encodable {
        var id = "x/y"
        var inner = Inner()

        enum CodingKeys: String, CodingKey { case id }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try inner.encode(to: encoder)
        }
    }

    struct Sample: Encodable {
        var text = "quote \" backslash \\ slash / controls \u{0}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F} \u{7F}\u{2028}é📈"
        var integers: [Int64] = [0, -1, .max, .min]
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var missing: String? = nil
        var present: String? = "here"
        var colour = Colour.red
        var decimal = Decimal(string: "-212.50")!
        var keys = ["b": 1, "a": 2, "B": 3, "_": 4, "a10": 5, "a2": 6, "é": 7, "Ａ": 8, "😀": 9]
        var nested = [[1, 2], []]
        var framed = Framed()
        var empty: [String: Int] = [:]
        var uuid = UUID(uuidString: "01234567-89AB-CDEF-0123-456789ABCDEF")!
    }

    static func jsonEncoderText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func writesWhatJSONEncoderWritesWithSortedKeysAndSlashesUnescaped() throws {
        let sample = Sample()
        #expect(try JSONValueEncoder().encode(sample).jsonText == Self.jsonEncoderText(sample))
        #expect(try JSONValueEncoder().encode([sample]).jsonText == Self.jsonEncoderText([sample]))
        #expect(try JSONValueEncoder().encode("top").jsonText == Self.jsonEncoderText("top"))
    }

    @Test func aJSONValueInsideKeepsItsNumbersAsWritten() throws {
        struct Chart: Encodable {
            var name = "Daily"
            var layout: JSONValue
        }
        let layout = try JSONValue(parsing: #"{"a":[1e400,5e-324,-2.2250738585e-313,1.0,-0,1E+3]}"#.utf8)
        let text = try JSONValueEncoder().encode(Chart(layout: layout)).jsonText
        #expect(text == #"{"layout":{"a":[1e400,5e-324,-2.2250738585e-313,1.0,-0,1E+3]},"name":"Daily"}"#)
        #expect(try JSONValueEncoder().encode(["k": layout]).jsonText == #"{"k":\#(layout.jsonText)}"#)
        #expect(try JSONValueEncoder().encode(Optional(layout)).jsonText == layout.jsonText)
    }

    @Test func numbersThatAreNotJSONAreRefused() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(Float.infinity) }
    }

    @Test func jsonEncoderWritesANumberAsTheDecimalItEqualsOrNotAtAll() throws {
        #expect(try Self.jsonEncoderText([JSONValue.number(JSONNumber("1.0")!)]) == "[1]")
        #expect(throws: EncodingError.self) { try Self.jsonEncoderText([JSONValue.number(JSONNumber("1e400")!)]) }
    }

    @Test func jsonDecoderReadsANumberAsTheDecimalItReads() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"[1.0, 212.50, 1e-8]"#.utf8))
        #expect(value == .array([.number(1), .number(JSONNumber("212.5")!), .number(JSONNumber("0.00000001")!)]))
    }
}
