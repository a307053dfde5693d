import Foundation
import LambdaEvents
import Testing

/// A JSON number is its text; its parts and its `Decimal` are read from that text exactly.
@Suite struct JSONNumberTests {
    @Test(arguments: ["0", "-0", "7", "-12.50", "1.0", "1e400", "5e-324", "1E+3", "1e-08", "0.0e0"])
    func aNumberIsItsTextAsWritten(_ text: String) throws {
        #expect(try #require(JSONNumber(text)).text == text)
        #expect(try #require(JSONNumber(text)).description == text)
    }

    @Test(arguments: ["", " 1", "1 ", "01", "+1", ".5", "1.", "1e", "NaN", "Infinity", "0x10", "1,5", "\"1\"", "[1]"])
    func textThatIsNotOneNumberIsRefused(_ text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test func numbersAreEqualWhenTheirTextsAre() {
        #expect(JSONNumber("1.0") != JSONNumber("1"))
        #expect(JSONNumber("1") == 1)
        #expect(JSONNumber(Decimal(string: "212.50")!) == JSONNumber("212.5"))
    }

    @Test(arguments: [
        ("212.50", "212.5"), ("1E+3", "1000"), ("1e-8", "0.00000001"), ("-0", "0"), ("0.000", "0"), ("1000e-3", "1"),
        ("0.00012345", "0.00012345"), ("123.45e1", "1234.5"), ("-1.5", "1.5"), ("100", "100"), ("1.5e2", "150"),
        ("0.0001234e4", "1.234"),
    ])
    func positionalTextHasNoExponentSignOrTrailingFractionZeros(_ text: String, _ positional: String) throws {
        #expect(try #require(JSONNumber(text)).parts.positionalText(maximumLength: 40) == positional)
    }

    @Test func positionalTextIsBoundedWhateverTheExponent() throws {
        let huge = try #require(JSONNumber("1e400")).parts
        #expect(huge.integerDigits == 401)
        #expect(huge.positionalText(maximumLength: 400) == nil)
        #expect(huge.positionalText(maximumLength: 401) == "1" + String(repeating: "0", count: 400))
        let tiny = try #require(JSONNumber("5e-324")).parts
        #expect(tiny.decimalPlaces == 324)
        #expect(tiny.integerDigits == 0)
        #expect(tiny.positionalText(maximumLength: 64) == nil)
        // An exponent past any Int: saturated, not overflowed or written out.
        let beyond = try #require(JSONNumber("-1.5e99999999999999999999999999")).parts
        #expect(beyond.isNegative && beyond.significand == Array("15".utf8) && beyond.exponent > 1_000_000_000)
        #expect(beyond.positionalText(maximumLength: 1_000) == nil)
        #expect(try #require(JSONNumber("1e-99999999999999999999999999")).parts.decimalPlaces > 1_000_000_000)
    }

    @Test func partsStripLeadingAndTrailingZeros() throws {
        let parts = try #require(JSONNumber("-0.00123400e4")).parts
        #expect(parts.isNegative)
        #expect(parts.significand == Array("1234".utf8))
        #expect(parts.exponent == -2)
        #expect(try #require(JSONNumber("-0.0")).parts.isZero)
    }

    @Test func aDecimalIsGivenOnlyWhenItHoldsTheNumberExactly() throws {
        #expect(try #require(JSONNumber("1.0")).decimal == 1)
        #expect(try #require(JSONNumber("-0")).decimal == 0)
        #expect(try #require(JSONNumber("1e-8")).decimal == Decimal(string: "0.00000001"))
        #expect(try #require(JSONNumber("-212.50")).decimal == Decimal(string: "-212.5"))
        let thirtyEightNines = String(repeating: "9", count: 38)
        #expect(try #require(JSONNumber(thirtyEightNines)).decimal == Decimal(string: thirtyEightNines))
        #expect(try #require(JSONNumber("1e128")).decimal == Decimal(string: "10E127"))
        #expect(try #require(JSONNumber("1e-128")).decimal == Decimal(string: "1E-128"))
        for text in ["1e400", "5e-324", "-2.2250738585e-313", thirtyEightNines + "9", "1e-129", "1e165"] {
            #expect(try #require(JSONNumber(text)).decimal == nil, "\(text)")
        }
    }
}
