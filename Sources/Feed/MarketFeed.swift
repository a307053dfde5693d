import AWSClients
import AWSSigning
import AsyncHTTPClient
import LambdaEvents
import Logging
import NIOCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The market feed: the latest closed minutes of every symbol from Binance, sent to the
/// `Ingest` function's queue as one message per symbol.
public struct MarketFeed: Sendable {
    public let settings: MarketFeedSettings
    let klines: KlinesClient
    let sender: SQSBatchSender

    /// How many symbols are fetched at once: Binance counts every request against the IP's
    /// limit, and the function has one event-loop thread.
    static let maximumConcurrentFetches = 4

    /// - Parameters:
    ///   - httpClient: reused for every run: connections stay open between invocations.
    ///   - eventLoop: where the deadlines' timers run.
    public init(settings: MarketFeedSettings, httpClient: HTTPClient, eventLoop: any EventLoop) {
        let exchange = HTTPExchange(client: httpClient, eventLoop: eventLoop)
        let signer = SigV4Signer(credentials: settings.credentials, region: settings.region, service: "sqs")
        self.settings = settings
        klines = KlinesClient(exchange: exchange, baseURL: settings.klinesBaseURL)
        sender = SQSBatchSender(
            client: SQSClient(exchange: exchange, endpoint: settings.sqsEndpoint, signer: signer),
            queueURL: settings.queueURL)
    }

    /// One run; what failed is in the summary (and the log), never thrown.
    ///
    /// - Parameters:
    ///   - now: the time in milliseconds since the Unix epoch, which says which minutes have closed.
    ///   - deadline: when the run must be over. Fetching stops a third of the time before, so
    ///     that a symbol whose server never answers leaves time to send the others.
    public func run(now: Int64, deadline: NIODeadline, logger: Logger) async -> MarketFeedSummary {
        let start = NIODeadline.now()
        let fetchDeadline = start + .nanoseconds(max(deadline - start, .zero).nanoseconds * 2 / 3)
        let fetched = await fetchAll(now: now, deadline: fetchDeadline, logger: logger)

        var reasons: [String: String] = [:]
        var messages: [QueueMessage] = []
        for (symbol, result) in fetched {
            switch result {
            case .success(let candles):
                do {
                    let body = try Self.encoder.encode(IngestMessage(candles: candles))
                    messages.append(QueueMessage(key: symbol.name, body: String(decoding: body, as: UTF8.self)))
                } catch {
                    reasons[symbol.name] = "could not encode the message: \(error)"
                }
            case .failure(let error):
                reasons[symbol.name] = error.reason
            }
        }
        reasons.merge(await sender.send(messages, deadline: deadline, logger: logger)) { first, _ in first }

        let failed = settings.symbols.compactMap { symbol in
            reasons[symbol.name].map { MarketFeedSummary.Failure(symbol: symbol.name, reason: $0) }
        }
        for failure in failed {
            logger.error(
                "the symbol's candles did not reach the queue",
                metadata: ["symbol": "\(failure.symbol)", "reason": "\(failure.reason)"])
        }
        let summary = MarketFeedSummary(sent: settings.symbols.count - failed.count, failed: failed)
        logger.info("market feed run done", metadata: ["sent": "\(summary.sent)", "failed": "\(failed.count)"])
        return summary
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    /// A symbol's candles, or why there are none.
    private typealias Fetched = (symbol: MarketSymbol, candles: Result<[IngestMessage.Candle], FeedError>)

    /// Every symbol's candles or why there are none, in the order they came, fetching at most
    /// ``maximumConcurrentFetches`` at a time.
    private func fetchAll(now: Int64, deadline: NIODeadline, logger: Logger) async -> [Fetched] {
        await withTaskGroup(of: Fetched.self) { group in
            let fetch = { (symbol: MarketSymbol) -> @Sendable () async -> Fetched in
                { (symbol, await candles(of: symbol, now: now, deadline: deadline, logger: logger)) }
            }
            for symbol in settings.symbols.prefix(Self.maximumConcurrentFetches) {
                group.addTask(operation: fetch(symbol))
            }
            var waiting = settings.symbols.dropFirst(Self.maximumConcurrentFetches)
            var results: [Fetched] = []
            while let result = await group.next() {
                results.append(result)
                if let symbol = waiting.popFirst() { group.addTask(operation: fetch(symbol)) }
            }
            return results
        }
    }

    private func candles(of symbol: MarketSymbol, now: Int64, deadline: NIODeadline, logger: Logger) async
        -> Result<[IngestMessage.Candle], FeedError>
    {
        do throws(FeedError) {
            let rows = try await klines.klines(
                of: symbol.exchangeSymbol, limit: settings.minutes + 1, deadline: deadline, logger: logger)
            let candles = try ClosedMinutes.candles(from: rows, symbol: symbol.name, now: now, count: settings.minutes)
            guard !candles.isEmpty else { throw FeedError("Binance's answer holds no closed minute") }
            return .success(candles)
        } catch {
            return .failure(error)
        }
    }
}
