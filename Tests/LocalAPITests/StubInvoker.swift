import Foundation
import LambdaEvents
import LocalHarness
import NIOCore
import Synchronization

/// A function service in memory: answers each invocation with `answer`, and keeps the events.
final class StubInvoker: FunctionInvoker {
    typealias Answer = @Sendable (String, APIGatewayV2Request) async throws -> InvocationResult.Outcome

    private let answer: Answer
    private let initDuration: Duration?
    private let received = Mutex<[(function: String, event: APIGatewayV2Request)]>([])

    init(initDuration: Duration? = nil, answer: @escaping Answer) {
        self.answer = answer
        self.initDuration = initDuration
    }

    /// Answers every invocation with the same payload.
    convenience init(returning payload: String) {
        self.init { _, _ in .success(ByteBuffer(string: payload)) }
    }

    var invocations: [(function: String, event: APIGatewayV2Request)] {
        received.withLock { $0 }
    }

    func invoke(_ function: String, payload: ByteBuffer) async throws -> InvocationResult {
        let event = try JSONDecoder().decode(APIGatewayV2Request.self, from: Data(payload.readableBytesView))
        received.withLock { $0.append((function, event)) }
        let outcome = try await answer(function, event)
        return InvocationResult(
            outcome: outcome,
            report: InvocationReport(
                requestID: UUID().uuidString, functionName: function, duration: .milliseconds(1),
                initDuration: initDuration, maxMemoryUsedMB: 10)
        )
    }
}

/// Collects the gateway's log entries.
final class LogCollector: Sendable {
    private let entries = Mutex<[RequestLogEntry]>([])

    var all: [RequestLogEntry] { entries.withLock { $0 } }

    func record(_ entry: RequestLogEntry) {
        entries.withLock { $0.append(entry) }
    }
}
