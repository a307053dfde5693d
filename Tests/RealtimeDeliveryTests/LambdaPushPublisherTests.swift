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

    static func publisher(endpoint: String, function: String? = "Push") throws -> LambdaPushPublisher? {
        var variables = [
            "AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AKIDINGEST", "AWS_SECRET_ACCESS_KEY": "secret",
            "AWS_ENDPOINT_URL_LAMBDA": endpoint,
        ]
        variables["PUSH_FUNCTION_NAME"] = function
        return try LambdaPushPublisher(
            environment: EnvironmentVariables(variables), eventLoop: MultiThreadedEventLoopGroup.singleton.any(),
            logger: logger)
    }

    @Test func withoutAPushFunctionThereIsNoPublisher() throws {
        #expect(try Self.publisher(endpoint: "http://127.0.0.1:9", function: nil) == nil)
    }

    @Test func aBatchIsHandedToPushAsEventInvocationsOfAtMostAThousandConnections() async throws {
        try await StandInServer.with({ _ in .answer(status: 202, body: "") }) { server, url in
            let publisher = try #require(try Self.publisher(endpoint: url))
            let ids = (0..<2_500).map { "conn\($0)" }
            await publisher.publish(
                PushBatch(messages: [.init(connectionIds: ids, data: "a"), .init(connectionIds: ["conn7"], data: "b")]),
                logger: Self.logger)
            let requests = server.requests
            #expect(requests.count == 3)
            #expect(requests.allSatisfy { $0.uri == "/2015-03-31/functions/Push/invocations" })
            #expect(requests.allSatisfy { $0.headers.first(name: "x-amz-invocation-type") == "Event" })
            #expect(
                requests.allSatisfy { ($0.headers.first(name: "authorization") ?? "").contains("/lambda/aws4_request") }
            )
            let batches = try requests.map { try JSONDecoder().decode(PushBatch.self, from: Data($0.body)) }
            let delivered = batches.flatMap { $0.messages.flatMap(\.connectionIds) }
            #expect(Set(delivered) == Set(ids))
            #expect(batches.allSatisfy { Set($0.messages.flatMap(\.connectionIds)).count <= 1_000 })
            // conn7's two messages travel together, in order.
            let withSeven = try #require(batches.first { $0.messages.contains { $0.connectionIds.contains("conn7") } })
            #expect(withSeven.messages.filter { $0.connectionIds.contains("conn7") }.map(\.data) == ["a", "b"])
        }
    }

    @Test func aStalledOrRefusingLambdaDoesNotHoldUpTheIngestion() async throws {
        for reply in [StandInServer.Reply.silence, .answer(status: 429, body: #"{"Type":"User"}"#)] {
            try await StandInServer.with({ _ in reply }) { server, url in
                let publisher = try #require(try Self.publisher(endpoint: url))
                // Returns, after the hand-off's own timeout at most; the test's time limit catches a hang.
                await publisher.publish(
                    PushBatch(messages: [.init(connectionIds: ["a"], data: "x")]), logger: Self.logger)
                #expect(server.requests.count == 1)
            }
        }
    }
}
