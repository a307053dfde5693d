import LambdaEvents

/// When an alert fires: the price going `above` or `below` its level.
public enum AlertCondition {
    public static let all = ["above", "below"]

    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        let text = try value.string(field: "condition")
        guard all.contains(text) else {
            throw FieldError(field: "condition", code: "invalid", message: "must be above or below")
        }
        return text
    }
}
