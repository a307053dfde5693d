import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// A Runtime API that only accepts an initialisation error, as Lambda does before it stops the
/// environment: it answers the `init/error` post with 202 and closes any other connection.
final class InitErrorRuntimeAPI: Sendable {
    private let reported = Mutex<[String]>([])

    /// The bodies of the initialisation errors posted.
    var initErrors: [String] { reported.withLock { $0 } }

    /// Listens on a free port of 127.0.0.1.
    func start() async throws -> any Channel {
        try await LoopbackHTTPServer.start { [self] request in
            guard request.method == .POST, request.uri.hasSuffix("/runtime/init/error") else { return nil }
            reported.withLock { $0.append(request.body) }
            return LoopbackReply(status: .accepted, body: #"{"status":"OK"}"#)
        }
    }
}
