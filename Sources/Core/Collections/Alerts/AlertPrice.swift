import LambdaEvents

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An alert's price: a positive decimal with at most 20 significant digits and 8 decimal places,
/// given as a JSON number or a string, stored as `numeric` and returned as a string.
///
/// A string is taken digit for digit (`"212.50"` stays `"212.50"`); a number arrives as the
/// decimal the JSON parser read, which drops trailing zeros of the fraction (`212.50` becomes
/// `"212.5"`). Neither ever passes through a binary float.
public enum AlertPrice {
    public static let maximumSignificantDigits = 20
    public static let maximumDecimalPlaces = 8

    /// The price as decimal text, or a 422 naming `price`.
    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        switch value {
        case .string(let text):
            return try validate(text)
        case .number(let number):
            guard number > 0 else { throw outOfRange }
            // Decimal's description is plain positional notation, never an exponent.
            return try validate(number.description)
        default:
            throw .invalidType("price", expected: "a positive decimal number, as a JSON number or a string")
        }
    }

    private static var outOfRange: FieldError {
        FieldError(field: "price", code: "out_of_range", message: "must be greater than 0")
    }

    /// Checks decimal text: digits with at most one point and digits on both sides of it, no
    /// leading zero (other than `0.`), no sign, exponent or whitespace.
    private static func validate(_ text: String) throws(FieldError) -> String {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        let fraction = parts.count == 2 ? Array(parts[1]) : []
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard !integer.isEmpty, integer.allSatisfy(isDigit), integer.count == 1 || integer.first != UInt8(ascii: "0"),
            parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy(isDigit)
        else {
            throw FieldError(
                field: "price", code: "invalid",
                message: "must be a positive decimal such as 212.50, without sign, exponent or spaces")
        }
        let digits = integer + fraction
        // Leading zeros (of `0.0005`) are not significant; trailing ones are, as written.
        let significant = digits.drop { $0 == UInt8(ascii: "0") }.count
        guard significant > 0 else { throw outOfRange }
        if fraction.count > maximumDecimalPlaces {
            throw FieldError(
                field: "price", code: "invalid", message: "must have at most \(maximumDecimalPlaces) decimal places")
        }
        if significant > maximumSignificantDigits {
            throw FieldError(
                field: "price", code: "invalid",
                message: "must have at most \(maximumSignificantDigits) significant digits")
        }
        return text
    }
}
