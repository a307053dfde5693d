#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON number exactly as written: `1.0`, `-0`, `1E+3` and `1e400` each keep their text.
///
/// RFC 8259 puts no bound on a number's range or precision, and neither `Double` nor `Decimal`
/// holds every one (`1e400`, `5e-324`), so the text is the value; ``parts`` and ``decimal`` read
/// it for the rules that need arithmetic. Two numbers are equal when their texts are.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The number's text: RFC 8259's number grammar, nothing around it.
    public let text: String

    /// The number `text` is, or `nil` when it is not one by RFC 8259 (`01`, `+1`, `.5`, `NaN`, ` 1`).
    public init?(_ text: String) {
        guard case .number(let number)? = try? JSONValue(parsing: text.utf8), number.text == text else { return nil }
        self = number
    }

    /// `decimal` in plain positional notation, as `Decimal` writes it (`0.00000001`); `nil` for NaN.
    public init?(_ decimal: Decimal) {
        self.init(decimal.description)
    }

    public init(integerLiteral value: Int) {
        text = String(value)
    }

    /// Text the parser has already checked against the grammar.
    init(checkedText: String) {
        text = checkedText
    }

    public var description: String { text }

    /// The value as a `Decimal`, when one holds it exactly: a mantissa of at most 38 digits times
    /// a power of ten within -128...127 (not `1e400`, `5e-324` or 39 nines).
    public var decimal: Decimal? {
        let parts = self.parts
        // Zero first: a Decimal has no negative zero to give `-0`.
        guard !parts.isZero else { return 0 }
        // Past 10^127, the mantissa takes the zeros, while it has room for them.
        let zeros = max(0, parts.exponent - 127)
        guard parts.significand.count + zeros <= 38, parts.exponent >= -128 else { return nil }
        let mantissa = String(decoding: parts.significand, as: UTF8.self) + String(repeating: "0", count: zeros)
        return Decimal(string: (parts.isNegative ? "-" : "") + mantissa + "E" + String(parts.exponent - zeros))
    }

    /// The value as ``Parts``: sign, significant digits and a power of ten.
    public var parts: Parts {
        var isNegative = false
        var significand: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var exponentIsNegative = false
        var inFraction = false
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where inExponent: exponentIsNegative = true
            case UInt8(ascii: "-"): isNegative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where inExponent:
                // Saturates: past 10^15 a number is beyond every range anyway, and the sums below
                // (with at most a body's length of digits) stay far from overflowing.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), Parts.exponentLimit)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Leading zeros carry no value; a zero after the point still moves the others.
                if !(significand.isEmpty && byte == UInt8(ascii: "0")) { significand.append(byte) }
                if inFraction { fractionDigits += 1 }
            default: break  // `+` of an exponent
            }
        }
        var power = (exponentIsNegative ? -exponent : exponent) - fractionDigits
        while significand.last == UInt8(ascii: "0") {
            significand.removeLast()
            power += 1
        }
        return Parts(isNegative: isNegative, significand: significand, exponent: significand.isEmpty ? 0 : power)
    }

    /// A number as `±significand × 10^exponent`, with the significand's digits stripped of leading
    /// and trailing zeros: `212.50` is `+21 25 × 10^-2`, `1E+3` is `+1 × 10^3`, zero has no digits.
    public struct Parts: Sendable, Hashable {
        /// Beyond this, an exponent is taken as this (see ``JSONNumber/parts``).
        static let exponentLimit = 1_000_000_000_000_000

        /// Whether a minus sign was written, even on zero (`-0`).
        public var isNegative: Bool
        /// ASCII digits, neither first nor last a `0`; empty for zero.
        public var significand: [UInt8]
        public var exponent: Int

        public var isZero: Bool { significand.isEmpty }

        /// Digits after the point in positional notation: 8 for `1e-8`, 0 for `1E+3`.
        public var decimalPlaces: Int { max(0, -exponent) }

        /// Digits before the point in positional notation, none below 1: 4 for `1E+3`.
        public var integerDigits: Int { max(0, significand.count + exponent) }

        /// Plain positional notation without a sign, exponent or trailing zeros in the fraction
        /// (`1E+3` is `1000`, `1e-8` is `0.00000001`, `212.50` is `212.5`, `-0` is `0`); `nil` when
        /// that takes more than `maximumLength` characters (`1e400`), so that no exponent can make
        /// it allocate without bound.
        public func positionalText(maximumLength: Int) -> String? {
            let integer = integerDigits
            let places = decimalPlaces
            guard max(integer, 1) + (places > 0 ? places + 1 : 0) <= maximumLength else { return nil }
            if isZero { return "0" }
            var text: [UInt8] = []
            if integer == 0 {
                text.append(UInt8(ascii: "0"))
            } else {
                text += significand.prefix(integer)
                text += repeatElement(UInt8(ascii: "0"), count: max(0, exponent))
            }
            if places > 0 {
                text.append(UInt8(ascii: "."))
                text += repeatElement(UInt8(ascii: "0"), count: places - min(places, significand.count))
                text += significand.suffix(min(places, significand.count))
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
