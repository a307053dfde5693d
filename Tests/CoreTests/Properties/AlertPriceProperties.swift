import Core
import Foundation
import LambdaEvents
import TestSupport
import Testing

/// Alert prices against shared/API.md: a positive decimal with at most 20 significant digits and
/// 8 decimal places, as a JSON string (kept digit for digit) or a JSON number (kept as written but
/// for the trailing zeros of its fraction), never through a binary float.
@Suite struct AlertPriceProperties {
    /// Plain positional decimal text: `0` or digits without a leading zero, then maybe a point
    /// and at least one digit. No sign, exponent, spaces or digits from other scripts.
    static func hasShape(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let isDigit = { (index: Int) in index < scalars.count && ("0"..."9").contains(scalars[index]) }
        var index = 0
        guard isDigit(0) else { return false }
        if scalars[0] == "0" {
            index = 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index == scalars.count { return true }
        guard scalars[index] == "." else { return false }
        index += 1
        let fractionStart = index
        while isDigit(index) { index += 1 }
        return index == scalars.count && index > fractionStart
    }

    /// The stored text, or the code of the 422: shape first, then zero, then the digit limits.
    static func expected(text: String) -> Result<String, ExpectedFailure> {
        guard hasShape(text) else {
            return .failure(.init(code: "invalid"))
        }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let significant = (pieces[0] + fraction).drop { $0 == "0" }
        if significant.isEmpty { return .failure(.init(code: "out_of_range")) }
        if fraction.count > 8 || significant.count > 20 { return .failure(.init(code: "invalid")) }
        return .success(text)
    }

    /// A JSON number arrives without the trailing zeros of its fraction.
    static func expected(number text: String) -> Result<String, ExpectedFailure> {
        var canonical = text
        if canonical.contains(".") {
            while canonical.hasSuffix("0") { canonical.removeLast() }
            if canonical.hasSuffix(".") { canonical.removeLast() }
        }
        return expected(text: canonical)
    }

    /// Digits on both sides of an optional point, with lengths around the limits.
    static func digits(using random: inout SeededGenerator, leadingZero: Bool) -> String {
        let integerCount = max(1, random.length(near: [1, 12, 20, 21], upTo: 24))
        var integer = (0..<integerCount).map { _ in random.pick(Array("0123456789")) }
        if !leadingZero, integer.count > 1, integer[0] == "0" { integer[0] = "7" }
        if random.chance(20) { integer = ["0"] }
        guard random.chance(65) else { return String(integer) }
        let fractionCount = max(1, random.length(near: [1, 8, 9], upTo: 12))
        let fraction: [Character] = (0..<fractionCount).map { _ in
            random.chance(30) ? "0" : random.pick(Array("0123456789"))
        }
        return String(integer) + "." + String(fraction)
    }

    /// Decimal text, sometimes bent: signs, exponents, spaces, a second point, other scripts' digits.
    static func candidate(using random: inout SeededGenerator) -> String {
        var text = Array(digits(using: &random, leadingZero: random.chance(10)))
        if random.chance(15) {
            let odd: [Character] = ["-", "+", "e", "E", " ", ".", ",", "٣", "１", "\u{0}", "\u{301}"]
            text.insert(random.pick(odd), at: Int.random(in: 0...text.count, using: &random))
        }
        if random.chance(3) { text = [] }
        return String(text)
    }

    @Test func stringsAcceptedExactlyWhenTheContractSaysSo() {
        var random = SeededGenerator(seed: PropertyRun.seed)
        var accepted = 0
        for _ in 0..<PropertyRun.cases {
            let text = Self.candidate(using: &random)
            let actual = Self.parse(.string(text))
            let expected = Self.expected(text: text)
            #expect(actual == expected, "\(text.debugDescription) (seed \(PropertyRun.seed))")
            if case .success = expected { accepted += 1 }
        }
        #expect(accepted > PropertyRun.cases / 10)
        #expect(accepted < PropertyRun.cases * 9 / 10)
    }

    @Test func numbersAcceptedExactlyWhenTheContractSaysSo() throws {
        var random = SeededGenerator(seed: PropertyRun.seed ^ 0xD1_6175)
        var accepted = 0
        for _ in 0..<PropertyRun.cases {
            let text = Self.digits(using: &random, leadingZero: false)
            let number = try #require(JSONNumber(text))
            let actual = Self.parse(.number(number))
            let expected = Self.expected(number: text)
            #expect(actual == expected, "\(text) (seed \(PropertyRun.seed))")
            if case .success = expected { accepted += 1 }
        }
        #expect(accepted > PropertyRun.cases / 10)
    }

    @Test(arguments: [JSONValue.null, .bool(true), .array([.string("1")]), .object([:])])
    func aPriceMustBeANumberOrAString(_ value: JSONValue) {
        #expect(Self.parse(value) == .failure(.init(code: "invalid_type")))
    }

    @Test(arguments: ["-1", "-0.5"])
    func negativeNumbersAreOutOfRange(_ text: String) throws {
        #expect(Self.parse(.number(try #require(JSONNumber(text)))) == .failure(.init(code: "out_of_range")))
    }

    static func parse(_ value: JSONValue) -> Result<String, ExpectedFailure> {
        do throws(FieldError) {
            return .success(try AlertPrice.parse(value))
        } catch {
            return .failure(.init(code: error.code))
        }
    }
}
