import Core
import Foundation
import LambdaEvents
import TestSupport
import Testing

/// Symbols against shared/API.md: 1 to 32 characters from `A-Z 0-9 . : / _ -` after upper-casing,
/// accepted in any case and returned upper-cased. Only ASCII letters count as letters: a scalar
/// that upper-cases to ASCII (`ß`, `ı`, the Kelvin sign) is still refused.
@Suite struct SymbolProperties {
    static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/_-".unicodeScalars)

    /// The stored symbol, or the code of the 422: emptiness and length first, then the alphabet.
    static func expected(_ text: String) -> Result<String, ExpectedFailure> {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return .failure(.init(code: "too_short")) }
        if scalars.count > 32 { return .failure(.init(code: "too_long")) }
        let upper = scalars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 }
        guard upper.allSatisfy(allowed.contains) else { return .failure(.init(code: "invalid")) }
        return .success(String(scalars: upper))
    }

    static func candidate(using random: inout SeededGenerator) -> String {
        let plain = Array("ABZabz09.:/_-").compactMap(\.unicodeScalars.first)
        let odd =
            UnicodeSamples.widths + UnicodeSamples.caseTricks + UnicodeSamples.whitespace
            + UnicodeSamples.controls + UnicodeSamples.invisible + ["@", "+", "$", "\\", "~", "`", "{"]
        let scalars = (0..<random.length(near: [0, 1, 32], upTo: 40)).map { _ in
            random.chance(6) ? random.pick(odd) : random.pick(plain)
        }
        return String(scalars: scalars)
    }

    @Test func acceptedExactlyWhenTheContractSaysSo() {
        PropertyRun.forEachCandidate(Self.candidate(using:)) { text in
            let actual: Result<String, ExpectedFailure>
            do throws(FieldError) {
                actual = .success(try Symbol.parse(.string(text), field: "symbol"))
            } catch {
                #expect(error.field == "symbol")
                actual = .failure(.init(code: error.code))
            }
            let expected = Self.expected(text)
            #expect(actual == expected, "\(text.debugDescription) (seed \(PropertyRun.seed))")
            return (try? expected.get()) != nil
        }
    }

    @Test(arguments: [JSONValue.null, .bool(true), .number(7), .array([.string("AAPL")]), .object([:])])
    func aSymbolMustBeAString(_ value: JSONValue) {
        #expect(throws: FieldError.self) { try Symbol.parse(value, field: "symbols[0]") }
    }
}
