import AsyncHTTPClient
import Core
import LambdaEvents
import Logging
import NIOCore
import Runtime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `MarketFeed` function, invoked every minute by an EventBridge schedule: sends the
/// latest closed minutes of every symbol in `MARKET_SYMBOLS` to the candles queue.
///
/// It answers a ``MarketFeedSummary``, and fails the invocation (``MarketFeedFailure``) only
/// when symbols are configured and none got through.
public struct MarketFeedHandler: LambdaHandler {
    /// The scheduled event: only logged, since every run does the same.
    public typealias Event = JSONValue

    /// `nil` when the feed is off.
    let feed: MarketFeed?

    /// However long the function's timeout, a run that is due every minute should be over well
    /// before the next one starts.
    static let longestRun: TimeAmount = .seconds(45)
    /// Kept back from the invocation's deadline to answer in, and at most this much.
    static let longestReserve: TimeAmount = .seconds(2)

    /// Reads the settings (a bad one fails the cold start, naming the variable) and makes the
    /// execution environment's one HTTP client, on the runtime's event loop.
    public init(_ context: LambdaInitializationContext) async throws {
        guard let settings = try MarketFeedSettings.read(.process) else {
            context.logger.info("MARKET_SYMBOLS is empty: the market feed is off")
            feed = nil
            return
        }
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(3), read: .seconds(5))
        configuration.redirectConfiguration = .disallow
        // Never shut down: Lambda ends the process without notice, and the client must outlive
        // every invocation until then.
        let client = HTTPClient(
            eventLoopGroup: context.eventLoop, configuration: configuration, backgroundActivityLogger: context.logger)
        feed = MarketFeed(settings: settings, httpClient: client, eventLoop: context.eventLoop)
    }

    public func handle(_ event: JSONValue, context: LambdaContext) async throws -> MarketFeedSummary {
        var logger = context.logger
        if case .object(let fields) = event, case .string(let time)? = fields["time"] {
            logger[metadataKey: "scheduledTime"] = "\(time)"
        }
        guard let feed else {
            logger.info("MARKET_SYMBOLS is empty: the market feed is off")
            return MarketFeedSummary(sent: 0, failed: [])
        }
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let remaining = TimeAmount.milliseconds(context.deadlineMilliseconds - now)
        let reserve = min(.nanoseconds(remaining.nanoseconds / 10), Self.longestReserve)
        let summary = await feed.run(
            now: now, deadline: .now() + min(remaining - reserve, Self.longestRun), logger: logger)
        guard summary.sent > 0 else { throw MarketFeedFailure(failed: summary.failed) }
        return summary
    }
}
