import Logging
import NIOCore
import NIOPosix
import Testing

@testable import Runtime

/// The invocation loop in this process against an in-process Runtime API: what it asks for,
/// what it posts back, and when it stops.
@Suite struct InvocationLoopTests {
    struct Echo: ByteLambdaHandler {
        func handle(_ event: ByteBuffer, context: LambdaContext) async throws -> ByteBuffer {
            if String(buffer: event) == #""fail""# {
                throw FunctionError(errorType: "Echo.Refused", errorMessage: "no")
            }
            var reply = ByteBuffer(string: "\(context.requestID):")
            reply.writeImmutableBuffer(event)
            return reply
        }
    }

    struct InitFailure: Error, CustomStringConvertible {
        var description: String { "the configuration is missing" }
    }

    static let logger: Logger = {
        var logger = Logger(label: "invocation-loop-tests")
        logger.logLevel = .critical
        return logger
    }()

    static func serve(
        _ api: MockRuntimeAPI,
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> some ByteLambdaHandler
    ) async throws -> Int32 {
        try await api.serve { endpoint in
            await LambdaRuntime.serve(
                makeHandler: makeHandler, runtimeAPI: endpoint,
                eventLoop: MultiThreadedEventLoopGroup.singleton.next(), logger: logger)
        }
    }

    @Test func everyInvocationIsAnsweredInOrderAtItsOwnRequestID() async throws {
        let api = MockRuntimeAPI(events: [#""a""#, #""b""#, #""c""#])
        let status = try await Self.serve(api) { _ in Echo() }
        #expect(
            api.posts == [
                .init(path: "/2018-06-01/runtime/invocation/1/response", body: #"1:"a""#),
                .init(path: "/2018-06-01/runtime/invocation/2/response", body: #"2:"b""#),
                .init(path: "/2018-06-01/runtime/invocation/3/response", body: #"3:"c""#),
            ])
        // The API closing the connection once the events ran out ends the loop, as Lambda's would.
        #expect(status == 1)
    }

    @Test func aHandlerErrorIsPostedToItsInvocationAndTheLoopGoesOn() async throws {
        let api = MockRuntimeAPI(events: [#""fail""#, #""after""#])
        _ = try await Self.serve(api) { _ in Echo() }
        let posts = api.posts
        try #require(posts.count == 2)
        #expect(posts[0].path == "/2018-06-01/runtime/invocation/1/error")
        #expect(posts[0].errorType == "Echo.Refused")
        #expect(posts[0].body.contains(#""errorType":"Echo.Refused""#))
        #expect(posts[0].body.contains(#""errorMessage":"no""#))
        #expect(posts[1] == .init(path: "/2018-06-01/runtime/invocation/2/response", body: #"2:"after""#))
    }

    @Test func anInitialisationErrorIsReportedOnceAndNoInvocationIsAskedFor() async throws {
        let api = MockRuntimeAPI(events: [#""never""#])
        let status = try await Self.serve(api) { _ -> Echo in throw InitFailure() }
        #expect(status == 1)
        let posts = api.posts
        try #require(posts.count == 1)
        #expect(posts[0].path == "/2018-06-01/runtime/init/error")
        #expect(posts[0].errorType == "InitFailure")
        #expect(posts[0].body.contains("the configuration is missing"))
    }

    @Test func aMissingOrMalformedRuntimeAPIStopsAtOnce() async {
        for value in [nil, "not a host and port"] {
            let status = await LambdaRuntime.serve(
                makeHandler: { _ in Echo() }, runtimeAPI: value,
                eventLoop: MultiThreadedEventLoopGroup.singleton.next(), logger: Self.logger)
            #expect(status == 1, "AWS_LAMBDA_RUNTIME_API = \(value ?? "unset")")
        }
    }
}
