import AWSClients
import AWSSigning
import AsyncHTTPClient
import LambdaEvents
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import TestSupport
import Testing

@testable import RealtimeDelivery

@Suite struct PushDeliveryTests {
    static let logger = Logger(label: "push-tests") { _ in SwiftLogNoOpLogHandler() }
    static let credentials = AWSCredentials(accessKeyID: "AKIDPUSH", secretAccessKey: "secret", sessionToken: "token")

    /// A delivery to the management API at `endpoint`, with a client of its own.
    static func withDelivery<Result>(
        endpoint: String, concurrency: Int = 8, timeout: TimeAmount = .seconds(5),
        _ body: (PushDelivery) async throws -> Result
    ) async throws -> Result {
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        let exchange = OutboundHTTPClient.exchange(on: eventLoop, logger: logger)
        let delivery = PushDelivery(
            connections: ConnectionsClient(
                exchange: exchange, endpoint: endpoint,
                signer: SigV4Signer(credentials: credentials, region: "eu-west-1", service: "execute-api")),
            concurrency: concurrency, timeout: timeout)
        return try await body(delivery)
    }

    /// The connection id a request posts to.
    static func connection(of request: StandInServer.Request) -> String {
        String(request.uri.split(separator: "/").last ?? "")
    }

    @Test func eachConnectionGetsItsMessagesInOrderSignedForTheManagementAPI() async throws {
        try await StandInServer.with({ _ in .answer(status: 200, body: "") }) { server, url in
            let batch = PushBatch(messages: [
                .init(connectionIds: ["QUFBQUFBQUFBQUE=", "QkJCQkJCQkJCQkI="], data: #"{"n":1}"#),
                .init(connectionIds: ["QUFBQUFBQUFBQUE="], data: #"{"n":2}"#),
                .init(connectionIds: ["QUFBQUFBQUFBQUE=", "QkJCQkJCQkJCQkI="], data: #"{"n":3}"#),
            ])
            let (summary, gone) = try await Self.withDelivery(endpoint: url + "/dev") { delivery in
                await delivery.deliver(batch, until: .now() + .seconds(30), logger: Self.logger)
            }
            #expect(summary == PushSummary(delivered: 2, gone: 0, failed: 0))
            #expect(gone.isEmpty)
            let requests = server.requests
            #expect(requests.allSatisfy { $0.method == .POST && $0.uri.hasPrefix("/dev/@connections/") })
            // The id is percent-encoded in the path, as the SDKs send it.
            #expect(requests.allSatisfy { $0.uri.hasSuffix("%3D") })
            func bodies(_ id: String) -> [String] {
                requests.filter { Self.connection(of: $0) == id }.map { String(decoding: $0.body, as: UTF8.self) }
            }
            #expect(bodies("QUFBQUFBQUFBQUE%3D") == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#])
            #expect(bodies("QkJCQkJCQkJCQkI%3D") == [#"{"n":1}"#, #"{"n":3}"#])
            let authorization = requests.first?.headers.first(name: "authorization") ?? ""
            #expect(authorization.contains("Credential=AKIDPUSH/") && authorization.contains("/eu-west-1/execute-api/"))
            #expect(requests.first?.headers.first(name: "x-amz-security-token") == "token")
        }
    }

    @Test func goneConnectionsAreReportedAndFailingOnesKeptWithoutHoldingUpTheRest() async throws {
        let reply: @Sendable (StandInServer.Request) -> StandInServer.Reply = { request in
            switch Self.connection(of: request) {
            case "gone": .answer(status: 410, body: "")
            case "broken": .answer(status: 500, body: #"{"message":"Internal server error"}"#)
            case "stalled": .silence
            default: .answer(status: 200, body: "")
            }
        }
        try await StandInServer.with(reply) { server, url in
            let batch = PushBatch(messages: [
                .init(connectionIds: ["gone", "broken", "stalled", "fine"], data: "1"),
                .init(connectionIds: ["gone", "fine"], data: "2"),
            ])
            let (summary, gone) = try await Self.withDelivery(endpoint: url, timeout: .seconds(5)) {
                await $0.deliver(batch, until: .now() + .seconds(30), logger: Self.logger)
            }
            #expect(summary == PushSummary(delivered: 1, gone: 1, failed: 2))
            #expect(gone == ["gone"])
            // A gone connection gets nothing more; the others get every message.
            #expect(server.requests.filter { Self.connection(of: $0) == "gone" }.count == 1)
            #expect(server.requests.filter { Self.connection(of: $0) == "fine" }.count == 2)
        }
    }

    @Test func noMoreThanTheConcurrencyAreSentToAtOnce() async throws {
        try await StandInServer.with({ _ in .silence }) { server, url in
            let ids = (0..<10).map { "c\($0)" }
            let batch = PushBatch(messages: [.init(connectionIds: ids, data: "x")])
            try await Self.withDelivery(endpoint: url, concurrency: 3, timeout: .seconds(60)) { delivery in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        _ = await delivery.deliver(batch, until: .now() + .seconds(60), logger: Self.logger)
                    }
                    // Every request stalls: three arrive, and no fourth while they are in flight.
                    let clock = ContinuousClock()
                    let deadline = clock.now + .seconds(20)
                    while server.requests.count < 3, clock.now < deadline {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    try await Task.sleep(for: .seconds(1))
                    #expect(server.requests.count == 3)
                    group.cancelAll()
                }
            }
        }
    }
}
