import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// Plays the S3 object behind a CloudFormation custom resource's pre-signed `ResponseURL`:
/// it accepts every `PUT` with 200 and keeps what was sent.
final class ResponseURLStandIn: Sendable {
    struct Upload: Sendable {
        var uri: String
        var body: String
    }

    private let received = Mutex<[Upload]>([])

    /// The `PUT`s received, in order.
    var uploads: [Upload] { received.withLock { $0 } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { [self] request in
            guard request.method == .PUT else { return nil }
            received.withLock { $0.append(Upload(uri: request.uri, body: request.body)) }
            return LoopbackReply(status: .ok)
        }
    }
}
