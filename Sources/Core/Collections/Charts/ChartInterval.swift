import LambdaEvents

/// A chart's bar interval. Case matters: `1m` is a minute, `1M` a month.
public enum ChartInterval {
    public static let all = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w", "1M"]

    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        let text = try value.string(field: "interval")
        guard all.contains(text) else {
            throw FieldError(
                field: "interval", code: "invalid", message: "must be one of \(all.joined(separator: ", "))")
        }
        return text
    }
}
