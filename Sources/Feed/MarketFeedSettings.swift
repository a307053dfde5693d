import AWSSigning
import Core

/// What the MarketFeed function reads from its environment.
public struct MarketFeedSettings: Sendable, Hashable {
    /// `MARKET_SYMBOLS`: the symbols to follow, never empty.
    public var symbols: [MarketSymbol]
    /// `KLINES_BASE_URL`: Binance's REST API (`https://api.binance.com`), without a final `/`.
    public var klinesBaseURL: String
    /// `CANDLES_QUEUE_URL`: the SQS queue the `Ingest` function reads.
    public var queueURL: String
    /// `MARKET_FEED_MINUTES`: how many of the latest closed minutes each run asks for (5 by
    /// default), so that a run that failed is made up for by the next ones.
    public var minutes: Int
    /// `AWS_ENDPOINT_URL_SQS`, or SQS's regional endpoint.
    public var sqsEndpoint: String
    /// `AWS_REGION`: where the queue is, and the region requests to it are signed for.
    public var region: String
    public var credentials: AWSCredentials

    public init(
        symbols: [MarketSymbol], klinesBaseURL: String, queueURL: String, minutes: Int, sqsEndpoint: String,
        region: String, credentials: AWSCredentials
    ) {
        self.symbols = symbols
        self.klinesBaseURL = klinesBaseURL
        self.queueURL = queueURL
        self.minutes = minutes
        self.sqsEndpoint = sqsEndpoint
        self.region = region
        self.credentials = credentials
    }

    /// Binance answers at most 1,000 klines a request, and one of them is the minute still open.
    public static let minutesRange = 1...999

    /// The settings, or `nil` when `MARKET_SYMBOLS` is empty or unset: the feed is off, and
    /// nothing else is required.
    public static func read(_ environment: EnvironmentVariables) throws(ConfigurationError) -> MarketFeedSettings? {
        guard let list = environment["MARKET_SYMBOLS"] else { return nil }
        var symbols: [MarketSymbol] = []
        for item in list.split(separator: ",") {
            let text = item.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            guard let symbol = MarketSymbol(text) else {
                throw ConfigurationError(
                    variable: "MARKET_SYMBOLS",
                    problem: "\"\(text)\" is not EXCHANGE:SYMBOL (such as BINANCE:BTCUSDT, A-Z and 0-9 after the colon)"
                )
            }
            if !symbols.contains(symbol) { symbols.append(symbol) }
        }
        guard !symbols.isEmpty else { return nil }
        let region = try environment.awsRegion()
        return MarketFeedSettings(
            symbols: symbols,
            klinesBaseURL: try environment.httpURL("KLINES_BASE_URL"),
            queueURL: try environment.httpURL("CANDLES_QUEUE_URL"),
            minutes: try environment.integer("MARKET_FEED_MINUTES", in: minutesRange, default: 5),
            sqsEndpoint: try environment.awsEndpoint(service: "sqs", region: region),
            region: region,
            credentials: try environment.awsCredentials()
        )
    }

}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
