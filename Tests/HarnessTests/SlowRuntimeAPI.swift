import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// A Runtime API that takes its time: it hands out one invocation after ``delay``, accepts
/// its response after ``delay`` again, and then closes every connection, as a Lambda service
/// shutting the environment down would.
final class SlowRuntimeAPI: Sendable {
    static let requestID = "slow-request-1"

    let delay: TimeAmount
    private let state = Mutex(State())

    private struct State {
        var invocationsHandedOut = 0
        var responses: [String] = []
    }

    init(delay: TimeAmount) {
        self.delay = delay
    }

    /// The bodies the runtime posted as responses.
    var responses: [String] { state.withLock { $0.responses } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { [self] request in answer(to: request) }
    }

    /// The invocation the first `next` gets, the acceptance of its response, both after
    /// ``delay``; `nil` (the connection closed) for anything else.
    private func answer(to request: LoopbackRequest) -> LoopbackReply? {
        state.withLock { state in
            if request.method == .GET, request.uri.hasSuffix("/invocation/next"), state.invocationsHandedOut == 0 {
                state.invocationsHandedOut += 1
                let deadline =
                    (NIODeadline.now().uptimeNanoseconds / 1_000_000) + 60_000 + UInt64(delay.nanoseconds) / 1_000_000
                let headers: HTTPHeaders = [
                    "Lambda-Runtime-Aws-Request-Id": Self.requestID,
                    "Lambda-Runtime-Deadline-Ms": String(deadline),
                    "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:000000000000:function:slow",
                ]
                return LoopbackReply(status: .ok, headers: headers, body: "slow event", delay: delay)
            }
            if request.method == .POST, request.uri.hasSuffix("/invocation/\(Self.requestID)/response") {
                state.responses.append(request.body)
                return LoopbackReply(status: .accepted, body: #"{"status":"OK"}"#, delay: delay)
            }
            return nil
        }
    }
}
