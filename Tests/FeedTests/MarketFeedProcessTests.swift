import AWSSigning
import Feed
import Foundation
import LocalHarness
import Logging
import NIOCore
import TestSupport
import Testing

/// The built MarketFeed executable as a process under the local Lambda service, as Lambda runs it.
@Suite struct MarketFeedProcessTests {
    static let scheduledEvent = ByteBuffer(
        string: #"""
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",\#
            "source":"aws.events","account":"123456789012","time":"2026-11-25T13:01:00Z","region":"eu-west-1",\#
            "resources":["arn:aws:events:eu-west-1:123456789012:rule/market-feed"],"detail":{}}
            """#)

    /// Invokes MarketFeed once, under `timeout`, with the stand-ins' URLs in its environment.
    static func invoke(
        klines: String, sqs: String, symbols: String = "BINANCE:BTCUSDT,BINANCE:ETHUSDT",
        timeout: Duration = .seconds(20)
    ) async throws -> InvocationResult {
        let environment = [
            "MARKET_SYMBOLS": symbols, "KLINES_BASE_URL": klines, "CANDLES_QUEUE_URL": SQSStandIn.queueURL,
            "AWS_ENDPOINT_URL_SQS": sqs, "AWS_ACCESS_KEY_ID": SQSStandIn.credentials.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": SQSStandIn.credentials.secretAccessKey,
            "AWS_SESSION_TOKEN": SQSStandIn.credentials.sessionToken ?? "", "AWS_LAMBDA_LOG_FORMAT": "JSON",
        ]
        let function = FunctionDefinition(
            name: "MarketFeed", executablePath: BuildFolder.product("MarketFeed"), environment: environment,
            timeout: timeout, maximumEnvironments: 1)
        var logger = Logger(label: "feed-process-tests")
        logger.logLevel = .warning
        return try await withLocalLambda(
            functions: [function], configuration: LocalLambda.Configuration(region: SQSStandIn.region), logger: logger,
            outputHandler: { _ in }
        ) { lambda in
            try await lambda.invoke("MarketFeed", payload: scheduledEvent)
        }
    }

    @Test func sendsTheCandlesAndAnswersASummary() async throws {
        try await StandInServer.with({ .answer(status: 200, body: KlinesAnswer.json(for: $0)) }) { _, klines in
            try await StandInServer.with({ SQSStandIn.answer(to: $0) }) { queue, sqs in
                let result = try await Self.invoke(klines: klines, sqs: sqs)
                #expect(result.errorType == nil)
                let summary = try JSONDecoder().decode(
                    MarketFeedSummary.self, from: Data(result.payload.readableBytesView))
                #expect(summary == MarketFeedSummary(sent: 2, failed: []))
                let request = try #require(queue.requests.first)
                #expect(SQSStandIn.problems(request) == [])
                #expect(try SQSStandIn.batch(request).Entries.count == 2)
            }
        }
    }

    @Test func withoutSymbolsItIsOff() async throws {
        let result = try await Self.invoke(klines: "", sqs: "", symbols: "")
        #expect(result.errorType == nil)
        let summary = try JSONDecoder().decode(MarketFeedSummary.self, from: Data(result.payload.readableBytesView))
        #expect(summary == MarketFeedSummary(sent: 0, failed: []))
    }

    @Test func nothingSentIsAFunctionErrorReportedBeforeTheTimeout() async throws {
        try await StandInServer.with({ _ in .silence }) { _, klines in
            let result = try await Self.invoke(klines: klines, sqs: "http://127.0.0.1:9", timeout: .seconds(4))
            #expect(result.errorType == "MarketFeedFailure")
            #expect(String(buffer: result.payload).contains("no answer in time"))
            #expect(result.report.duration < .seconds(4))
        }
    }
}
