import Feed
import TestSupport
import Testing

/// What the feed does when SQS does not take every message at once.
@Suite struct QueueDeliveryTests {
    @Test func anEntrySQSFailedOnItsSideIsSentAgainAlone() async throws {
        let calls = Counter()
        let (summary, _, queue) = try await MarketFeedTests.run(klines: MarketFeedTests.success) { request in
            calls.next() == 0
                ? SQSStandIn.answer(to: request, failing: [("1", false, "InternalError")])
                : SQSStandIn.answer(to: request)
        }
        #expect(summary == MarketFeedSummary(sent: 2, failed: []))
        #expect(queue.count == 2)
        #expect(try queue.map { try SQSStandIn.batch($0).Entries.count } == [2, 1])
        #expect(queue.allSatisfy { SQSStandIn.problems($0).isEmpty })
    }

    @Test func anEntrySQSRefusesIsReportedAndNotSentAgain() async throws {
        let (summary, _, queue) = try await MarketFeedTests.run(klines: MarketFeedTests.success) { request in
            let batch = try? SQSStandIn.batch(request)
            let btc = batch?.Entries.first { $0.MessageBody.contains("BTCUSDT") }?.Id ?? ""
            return SQSStandIn.answer(to: request, failing: [(btc, true, "InvalidMessageContents")])
        }
        #expect(summary.sent == 1)
        #expect(
            summary.failed == [
                .init(symbol: "BINANCE:BTCUSDT", reason: "SQS refused the message: InvalidMessageContents: stand-in")
            ])
        #expect(queue.count == 1)
    }

    @Test func throttlingIsWaitedOut() async throws {
        let calls = Counter()
        let (summary, _, queue) = try await MarketFeedTests.run(klines: MarketFeedTests.success) { request in
            calls.next() == 0
                ? .answer(
                    status: 400, body: #"{"__type":"com.amazonaws.sqs#ThrottlingException","message":"Rate exceeded"}"#)
                : SQSStandIn.answer(to: request)
        }
        #expect(summary == MarketFeedSummary(sent: 2, failed: []))
        #expect(queue.count == 2)
    }

    @Test func aMissingQueueFailsEverySymbolWithSQSsWords() async throws {
        let (summary, _, queue) = try await MarketFeedTests.run(klines: MarketFeedTests.success) { _ in
            .answer(
                status: 400,
                body:
                    #"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#
            )
        }
        #expect(summary.sent == 0)
        #expect(
            summary.failed.map(\.reason)
                == Array(
                    repeating: "SQS answered 400: QueueDoesNotExist: The specified queue does not exist.", count: 2))
        #expect(queue.count == 1)
    }

    @Test func aQueueThatNeverAnswersIsGivenUpOnAtTheDeadline() async throws {
        let start = ContinuousClock.now
        let (summary, _, _) = try await MarketFeedTests.run(seconds: 3, klines: MarketFeedTests.success) { _ in .silence
        }
        #expect(summary.sent == 0)
        #expect(summary.failed.allSatisfy { $0.reason.contains("no answer in time") })
        // Only a hang fails this: a loaded machine may be late, but the run ends at its deadline.
        #expect(ContinuousClock.now - start < .seconds(20))
    }
}
