import Core
import LambdaEvents
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import TestSupport
import Testing

@testable import RealtimeDelivery

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct LambdaPushPublisherTests {
    static let logger = Logger(label: "publisher-tests") { _ in SwiftLogNoOpLogHandler() }

    /// A publisher to `endpoint`, with time enough for a machine busy running every suite at once.
    static func publisher(
        endpoint: String, function: String? = "Push", handOffTimeout: TimeAmount = .seconds(20)
    ) throws -> LambdaPushPublisher? {
        var variables = [
            "AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AKIDINGEST", "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_ENDPOINT_URL_LAMBDA": endpoint,
        ]
        variables["PUSH_FUNCTION_NAME"] = function
        return try LambdaPushPublisher(
            environment: EnvironmentVariables(variables), eventLoop: MultiThreadedEventLoopGroup.singleton.any(),
            logger: logger, handOffTimeout: handOffTimeout)
    }

    @Test func withoutAPushFunctionThereIsNoPublisher() throws {
        #expect(try Self.publisher(endpoint: "http://127.0.0.1:9", function: nil) == nil)
    }

    @Test func aBatchIsHandedToPushAsEventInvocationsUnderThePayloadLimit() async throws {
        try await StandInServer.with({ _ in .answer(status: 202, body: "") }) { server, url in
            let publisher = try #require(try Self.publisher(endpoint: url))
            // 1,200 listeners of 20 candles: about half a megabyte of connection ids alone.
            let ids = (0..<1_200).map { "Q29ubmVjdGlvbi\($0)=" }
            let candles = (0..<20).map { PushBatch.Message(connectionIds: ids, data: #"{"type":"candle","n":\#($0)}"#) }
            await publisher.publish(
                PushBatch(messages: candles + [.init(connectionIds: ["Q29ubmVjdGlvbi7="], data: "last")]),
                logger: Self.logger)
            let requests = server.requests
            #expect(requests.count > 1)
            #expect(requests.allSatisfy { $0.uri == "/2015-03-31/functions/Push/invocations" })
            #expect(requests.allSatisfy { $0.headers.first(name: "x-amz-invocation-type") == "Event" })
            #expect(
                requests.allSatisfy { ($0.headers.first(name: "authorization") ?? "").contains("/lambda/aws4_request") }
            )
            let batches = try requests.map { try JSONDecoder().decode(PushBatch.self, from: Data($0.body)) }
            let delivered = batches.flatMap { $0.messages.flatMap(\.connectionIds) }
            #expect(Set(delivered) == Set(ids), "\(Set(ids).subtracting(delivered).count) connections missing")
            #expect(requests.allSatisfy { $0.body.count <= LambdaPushPublisher.maximumPayloadBytes })
            // A connection's messages travel together, in order.
            let seven = "Q29ubmVjdGlvbi7="
            let withSeven = try #require(batches.first { $0.messages.contains { $0.connectionIds.contains(seven) } })
            #expect(withSeven.messages.filter { $0.connectionIds.contains(seven) }.map(\.data).last == "last")
            #expect(withSeven.messages.filter { $0.connectionIds.contains(seven) }.count == 21)
        }
    }

    @Test func aStalledOrRefusingLambdaDoesNotHoldUpTheIngestions() async throws {
        for reply in [StandInServer.Reply.silence, .answer(status: 429, body: #"{"Type":"User"}"#)] {
            try await StandInServer.with({ _ in reply }) { server, url in
                let publisher = try #require(try Self.publisher(endpoint: url, handOffTimeout: .seconds(5)))
                let batch = PushBatch(messages: [.init(connectionIds: ["a"], data: "x")])
                // Returns, after the hand-off's own timeout at most; the test's time limit catches a hang.
                await publisher.publish(batch, logger: Self.logger)
                // The next ingestions skip pushing for a while instead of each waiting again.
                await publisher.publish(batch, logger: Self.logger)
                await publisher.publish(batch, logger: Self.logger)
                #expect(server.requests.count == 1)
            }
        }
    }
}
