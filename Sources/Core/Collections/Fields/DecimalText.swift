import LambdaEvents

/// A rule for a decimal number that must keep every digit: accepted as a JSON number or a
/// string, checked, and kept as decimal text for a `numeric` column. Alert prices and candle
/// prices are positive with at most 20 significant digits and 8 decimal places; volumes may be
/// zero and have up to 28 significant digits.
///
/// A string is taken digit for digit (`"212.50"` stays `"212.50"`); a number is written out from
/// its exact text in plain positional notation, without the trailing zeros of its fraction
/// (`212.50` becomes `"212.5"`, `1E+3` `"1000"`). Neither ever passes through a binary float, and
/// a number no float or `Decimal` holds (`1e400`) is refused by the rule's own limits.
public struct DecimalText: Sendable, Hashable {
    public var maximumSignificantDigits: Int
    public var maximumDecimalPlaces: Int
    /// Whether zero itself is allowed (a volume); otherwise the number must be positive.
    public var allowsZero: Bool

    public static let price = DecimalText(maximumSignificantDigits: 20, maximumDecimalPlaces: 8, allowsZero: false)
    public static let volume = DecimalText(maximumSignificantDigits: 28, maximumDecimalPlaces: 8, allowsZero: true)

    public init(maximumSignificantDigits: Int, maximumDecimalPlaces: Int, allowsZero: Bool) {
        self.maximumSignificantDigits = maximumSignificantDigits
        self.maximumDecimalPlaces = maximumDecimalPlaces
        self.allowsZero = allowsZero
    }

    /// The number as decimal text, or a 422 naming `field`.
    public func parse(_ value: JSONValue, field: String) throws(FieldError) -> String {
        switch value {
        case .string(let text):
            return try validate(text, field: field)
        case .number(let number):
            return try validate(number.parts, field: field)
        default:
            throw .invalidType(field, expected: "\(kind) decimal number, as a JSON number or a string")
        }
    }

    private var kind: String { allowsZero ? "a non-negative" : "a positive" }

    private func outOfRange(_ field: String) -> FieldError {
        FieldError(
            field: field, code: "out_of_range",
            message: allowsZero ? "must be greater than or equal to 0" : "must be greater than 0")
    }

    /// Checks a JSON number, then its positional text. The limits come first, so that an exponent
    /// (`1e400`, `5e-324`) is refused before it is written out in full.
    private func validate(_ number: JSONNumber.Parts, field: String) throws(FieldError) -> String {
        guard !number.isNegative || number.isZero else { throw outOfRange(field) }
        if number.decimalPlaces > maximumDecimalPlaces {
            throw FieldError(
                field: field, code: "invalid", message: "must have at most \(maximumDecimalPlaces) decimal places")
        }
        if number.integerDigits > maximumSignificantDigits {
            throw FieldError(field: field, code: "invalid", message: "must be less than 1e\(maximumSignificantDigits)")
        }
        // Within both limits, the text is at most that many digits, a point and the places.
        let length = maximumSignificantDigits + 1 + maximumDecimalPlaces
        return try validate(number.positionalText(maximumLength: length)!, field: field)
    }

    /// Checks decimal text: digits with at most one point and digits on both sides of it, no
    /// leading zero (other than `0.`), no sign, exponent or whitespace.
    private func validate(_ text: String, field: String) throws(FieldError) -> String {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        let fraction = parts.count == 2 ? Array(parts[1]) : []
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard !integer.isEmpty, integer.allSatisfy(isDigit), integer.count == 1 || integer.first != UInt8(ascii: "0"),
            parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(isDigit)
        else {
            throw FieldError(
                field: field, code: "invalid",
                message: "must be \(kind) decimal such as 212.50, without sign, exponent or spaces")
        }
        let digits = integer + fraction
        // Leading zeros (of `0.0005`) are not significant; trailing ones are, as written.
        let significant = digits.drop { $0 == UInt8(ascii: "0") }.count
        guard significant > 0 || allowsZero else { throw outOfRange(field) }
        if fraction.count > maximumDecimalPlaces {
            throw FieldError(
                field: field, code: "invalid", message: "must have at most \(maximumDecimalPlaces) decimal places")
        }
        if significant > maximumSignificantDigits {
            throw FieldError(
                field: field, code: "invalid",
                message: "must have at most \(maximumSignificantDigits) significant digits")
        }
        return text
    }
}
