import LambdaEvents

/// An instrument's symbol: 1 to 32 characters from `A-Z 0-9 . : / _ -`, accepted in any case and
/// stored upper-cased (`BINANCE:BTCUSDT`, `EUR/USD`).
public enum Symbol {
    public static let maximumLength = 32

    /// The upper-cased symbol, or a 422 naming `field`.
    public static func parse(_ value: JSONValue, field: String) throws(FieldError) -> String {
        let text = try value.string(field: field)
        let scalars = text.unicodeScalars
        if scalars.isEmpty {
            throw FieldError(field: field, code: "too_short", message: "must not be empty")
        }
        if scalars.count > maximumLength {
            throw FieldError(field: field, code: "too_long", message: "must be at most \(maximumLength) characters")
        }
        // ASCII only, checked before upper-casing: Unicode case mapping would turn letters such as
        // `ß` or the dotless `ı` into ASCII ones and let them in.
        guard scalars.allSatisfy(isAllowed) else {
            throw FieldError(field: field, code: "invalid", message: "must use only A-Z 0-9 . : / _ -")
        }
        return String(String.UnicodeScalarView(scalars.map(upperCased)))
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", ":", "/", "_", "-": true
        default: false
        }
    }

    private static func upperCased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 0x20)! : scalar
    }
}
