import AsyncHTTPClient
import Feed
import NIOCore
import NIOPosix
import TestSupport

/// A ``MarketFeed`` that talks to stand-ins, with an HTTP client of its own.
enum FeedFixture {
    static func settings(symbols: [String], klines: String, sqs: String, minutes: Int = 5) -> MarketFeedSettings {
        MarketFeedSettings(
            symbols: symbols.compactMap(MarketSymbol.init),
            klinesBaseURL: klines,
            queueURL: SQSStandIn.queueURL,
            minutes: minutes,
            sqsEndpoint: sqs,
            region: SQSStandIn.region,
            credentials: SQSStandIn.credentials
        )
    }

    /// Runs `body` with a feed of `settings`, shutting its client down afterwards.
    static func with<Result>(_ settings: MarketFeedSettings, _ body: (MarketFeed) async throws -> Result)
        async throws -> Result
    {
        let group = MultiThreadedEventLoopGroup.singleton
        let client = HTTPClient(eventLoopGroup: group)
        let result: Result
        do {
            result = try await body(MarketFeed(settings: settings, httpClient: client, eventLoop: group.next()))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// A run at ``KlinesAnswer/now`` that must be over within `seconds`.
    static func run(_ feed: MarketFeed, seconds: Int64 = 10, logger: LogRecord = LogRecord()) async
        -> MarketFeedSummary
    {
        await feed.run(now: KlinesAnswer.now, deadline: .now() + .seconds(seconds), logger: logger.logger)
    }
}
