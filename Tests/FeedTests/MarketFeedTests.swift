import Feed
import Foundation
import LambdaEvents
import Logging
import NIOCore
import TestSupport
import Testing

/// The feed against a stand-in Binance and a stand-in SQS on 127.0.0.1.
@Suite struct MarketFeedTests {
    static let symbols = ["BINANCE:BTCUSDT", "BINANCE:ETHUSDT"]

    /// Runs the feed of `symbols` against stand-ins that answer as given.
    static func run(
        symbols: [String] = symbols,
        seconds: Int64 = 10,
        logger: LogRecord = LogRecord(),
        klines: @escaping @Sendable (StandInServer.Request) -> StandInServer.Reply,
        sqs: @escaping @Sendable (StandInServer.Request) -> StandInServer.Reply = { SQSStandIn.answer(to: $0) }
    ) async throws -> (summary: MarketFeedSummary, binance: [StandInServer.Request], queue: [StandInServer.Request]) {
        try await StandInServer.with(klines) { binance, klinesURL in
            try await StandInServer.with(sqs) { queue, sqsURL in
                let settings = FeedFixture.settings(symbols: symbols, klines: klinesURL, sqs: sqsURL)
                let summary = try await FeedFixture.with(settings) { feed in
                    await FeedFixture.run(feed, seconds: seconds, logger: logger)
                }
                return (summary, binance.requests, queue.requests)
            }
        }
    }

    static func success(_ request: StandInServer.Request) -> StandInServer.Reply {
        .answer(status: 200, headers: [("content-type", "application/json")], body: KlinesAnswer.json(for: request))
    }

    @Test func sendsTheClosedMinutesOfEachSymbolAsOneSignedMessage() async throws {
        let (summary, binance, queue) = try await Self.run(klines: Self.success)
        #expect(summary == MarketFeedSummary(sent: 2, failed: []))
        #expect(
            Set(binance.map(\.uri)) == [
                "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=6",
                "/api/v3/klines?symbol=ETHUSDT&interval=1m&limit=6",
            ])
        let request = try #require(queue.first)
        #expect(queue.count == 1)
        #expect(SQSStandIn.problems(request) == [])
        let batch = try SQSStandIn.batch(request)
        #expect(batch.QueueUrl == SQSStandIn.queueURL)
        #expect(batch.Entries.map(\.Id) == ["0", "1"])
        let messages = try batch.Entries.map {
            try JSONDecoder().decode(IngestMessage.self, from: Data($0.MessageBody.utf8))
        }
        #expect(Set(messages.compactMap(\.candles.first?.symbol)) == Set(Self.symbols))
        for message in messages {
            // Five closed minutes, oldest first, and never the minute still open (13:00).
            #expect(
                message.candles.map(\.t) == [
                    "2026-11-25T12:55:00.000Z", "2026-11-25T12:56:00.000Z", "2026-11-25T12:57:00.000Z",
                    "2026-11-25T12:58:00.000Z", "2026-11-25T12:59:00.000Z",
                ])
            #expect(message.candles.last?.o == "42001.10000000")
            #expect(message.candles.last?.v == "12.34500000")
        }
    }

    @Test func aRateLimitedRequestIsSentAgainWhenItsRetryAfterSays() async throws {
        let calls = Counter()
        let start = NIODeadline.now()
        let (summary, binance, _) = try await Self.run(symbols: ["BINANCE:BTCUSDT"]) { request in
            calls.next() == 0
                ? .answer(
                    status: 429, headers: [("retry-after", "1")], body: #"{"code":-1003,"msg":"Too many requests"}"#)
                : Self.success(request)
        }
        #expect(summary == MarketFeedSummary(sent: 1, failed: []))
        #expect(binance.count == 2)
        #expect(NIODeadline.now() - start >= .seconds(1))
    }

    @Test func serverErrorsAreRetriedWithBackOff() async throws {
        let calls = Counter()
        let (summary, binance, _) = try await Self.run(symbols: ["BINANCE:BTCUSDT"]) { request in
            calls.next() < 2 ? .answer(status: 503, body: "unavailable") : Self.success(request)
        }
        #expect(summary == MarketFeedSummary(sent: 1, failed: []))
        #expect(binance.count == 3)
    }

    @Test func anIPBanLongerThanTheRunFailsItsSymbolAtOnceAndTheOthersGoThrough() async throws {
        let (summary, binance, _) = try await Self.run { request in
            request.query("symbol") == "ETHUSDT"
                ? .answer(status: 418, headers: [("retry-after", "7200")], body: #"{"code":-1003,"msg":"banned"}"#)
                : Self.success(request)
        }
        #expect(summary.sent == 1)
        #expect(summary.failed.map(\.symbol) == ["BINANCE:ETHUSDT"])
        #expect(summary.failed.first?.reason.contains("418 (retry-after 7200 s)") == true)
        // Asked once, not again after a back-off: the ban outlasts the run.
        #expect(binance.filter { $0.query("symbol") == "ETHUSDT" }.count == 1)
    }

    @Test func garbageFromBinanceFailsOnlyThatSymbolWithAClearLoggedError() async throws {
        let log = LogRecord()
        let (summary, binance, queue) = try await Self.run(logger: log) { request in
            request.query("symbol") == "BTCUSDT"
                ? .answer(status: 200, body: "<html>oops</html>") : Self.success(request)
        }
        #expect(summary.sent == 1)
        #expect(summary.failed.map(\.symbol) == ["BINANCE:BTCUSDT"])
        #expect(summary.failed.first?.reason.contains("not the expected JSON: <html>oops</html>") == true)
        // Not retried: the same request would bring the same answer.
        #expect(binance.filter { $0.query("symbol") == "BTCUSDT" }.count == 1)
        let batch = try SQSStandIn.batch(try #require(queue.first))
        #expect(batch.Entries.count == 1)
        #expect(
            log.all.contains {
                $0.level == .error && $0.metadata["symbol"] == "BINANCE:BTCUSDT"
                    && "\($0.metadata["reason"] ?? "")".contains("not the expected JSON")
            })
    }

    @Test func klinesThatAreNotMinutesAreRefused() async throws {
        let (summary, _, _) = try await Self.run(symbols: ["BINANCE:BTCUSDT"]) { _ in
            .answer(
                status: 200, body: #"[[1795611570000,"1","1","1","1","1",1795611629999],[5,"1","1","1","1","1",9]]"#)
        }
        #expect(summary.failed.first?.reason.contains("is not a 1-minute candle") == true)
    }

    @Test func anUnknownSymbolIsNotAskedForTwice() async throws {
        let (summary, binance, _) = try await Self.run { request in
            request.query("symbol") == "ETHUSDT"
                ? .answer(status: 400, body: #"{"code":-1121,"msg":"Invalid symbol."}"#) : Self.success(request)
        }
        #expect(summary.sent == 1)
        #expect(
            summary.failed == [
                .init(
                    symbol: "BINANCE:ETHUSDT", reason: #"Binance answered 400: {"code":-1121,"msg":"Invalid symbol."}"#)
            ])
        #expect(binance.count == 2)
    }

    @Test func aServerThatNeverAnswersIsGivenUpOnBeforeTheDeadline() async throws {
        let start = NIODeadline.now()
        let (summary, _, queue) = try await Self.run(seconds: 3) { _ in .silence }
        let elapsed = NIODeadline.now() - start
        #expect(summary.sent == 0)
        #expect(summary.failed.map(\.symbol) == Self.symbols)
        #expect(summary.failed.allSatisfy { $0.reason.contains("no answer in time") })
        #expect(queue.isEmpty)
        // Fetching stops two thirds of the way to the deadline; the upper bound only catches a
        // hang (a loaded machine may be late), never a slow run.
        #expect(elapsed >= .milliseconds(1_900) && elapsed < .seconds(20))
    }

    @Test func aSilentSymbolLeavesTimeToSendTheOthers() async throws {
        // A budget that leaves the answering symbol time to be fetched and sent on a loaded machine.
        let (summary, _, queue) = try await Self.run(seconds: 12) { request in
            request.query("symbol") == "BTCUSDT" ? .silence : Self.success(request)
        }
        #expect(summary.sent == 1)
        #expect(summary.failed.map(\.symbol) == ["BINANCE:BTCUSDT"])
        #expect(queue.count == 1)
    }
}
