import LambdaEvents

/// An alert's price: a positive decimal with at most 20 significant digits and 8 decimal places,
/// given as a JSON number or a string, stored as `numeric` and returned as a string.
public enum AlertPrice {
    public static let rule = DecimalText.price

    /// The price as decimal text, or a 422 naming `price`.
    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        try rule.parse(value, field: "price")
    }
}
