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
        guard let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] else {
            throw ConfigurationError(variable: "AWS_REGION", problem: "is not set (Lambda sets it)")
        }
        guard let credentials = AWSCredentials(environment: { environment[$0] }) else {
            throw ConfigurationError(
                variable: "AWS_ACCESS_KEY_ID", problem: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set")
        }
        return MarketFeedSettings(
            symbols: symbols,
            klinesBaseURL: try httpURL(environment, "KLINES_BASE_URL"),
            queueURL: try httpURL(environment, "CANDLES_QUEUE_URL"),
            minutes: try environment.integer("MARKET_FEED_MINUTES", in: minutesRange, default: 5),
            sqsEndpoint: environment["AWS_ENDPOINT_URL_SQS"] == nil
                ? "https://sqs.\(region).amazonaws.com" : try httpURL(environment, "AWS_ENDPOINT_URL_SQS"),
            region: region,
            credentials: credentials
        )
    }

    /// A required `http` or `https` URL, without a final `/`.
    private static func httpURL(_ environment: EnvironmentVariables, _ name: String) throws(ConfigurationError)
        -> String
    {
        guard let value = environment[name] else { throw ConfigurationError(variable: name, problem: "is not set") }
        let scheme = value.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https", value.dropFirst(scheme.count).hasPrefix("://"),
            value.count > scheme.count + 3
        else {
            throw ConfigurationError(variable: name, problem: "expected an http or https URL")
        }
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
