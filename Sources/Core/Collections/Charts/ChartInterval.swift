import LambdaEvents

/// A chart's bar interval: one of the ``CandleInterval``s. Case matters: `1m` is a minute, `1M` a month.
public enum ChartInterval {
    public static let all = CandleInterval.allCases.map(\.rawValue)

    public static func parse(_ value: JSONValue) throws(FieldError) -> String {
        try parse(value.string(field: "interval")).rawValue
    }

    /// The interval named by `text`, or a 422 naming `interval`.
    public static func parse(_ text: String) throws(FieldError) -> CandleInterval {
        guard let interval = CandleInterval(rawValue: text) else {
            throw FieldError(
                field: "interval", code: "invalid", message: "must be one of \(all.joined(separator: ", "))")
        }
        return interval
    }
}
