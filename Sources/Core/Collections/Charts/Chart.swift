import LambdaEvents

/// A chart's own fields: `{name, symbol, interval, layout}`.
public struct Chart: Sendable, Hashable, Encodable {
    public var name: String
    public var symbol: String
    public var interval: String
    /// Indicators, drawings: any JSON object the app keeps with the chart.
    public var layout: JSONValue

    public init(name: String, symbol: String, interval: String, layout: JSONValue) {
        self.name = name
        self.symbol = symbol
        self.interval = interval
        self.layout = layout
    }
}
