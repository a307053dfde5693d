import Logging
import NIOCore
import NIOHTTP1

/// The client side of the Lambda Runtime API (version 2018-06-01).
///
/// Keeps one connection open across invocations and reconnects once when Lambda (or an
/// emulator) closed an idle connection; a second failure is final, so a runtime whose
/// Runtime API is gone ends instead of spinning.
final class RuntimeAPIClient: @unchecked Sendable {
    // Only the runtime's single loop task touches `connection`, one request at a time.
    private var connection: RuntimeAPIConnection?
    private let endpoint: RuntimeAPIEndpoint
    private let eventLoop: any EventLoop
    private let allocator = ByteBufferAllocator()

    init(endpoint: RuntimeAPIEndpoint, eventLoop: any EventLoop) {
        self.endpoint = endpoint
        self.eventLoop = eventLoop
    }

    /// Waits for the next invocation; there is deliberately no timeout, as Lambda may freeze us here.
    func nextInvocation() async throws -> (InvocationMetadata, ByteBuffer) {
        let response = try await request(.GET, "/runtime/invocation/next", body: nil)
        guard response.status == .ok else {
            throw RuntimeError.unexpectedStatus(path: "/runtime/invocation/next", status: Int(response.status.code))
        }
        let metadata = try InvocationMetadata(headers: response.headers)
        return (metadata, response.body ?? allocator.buffer(capacity: 0))
    }

    func reportResponse(requestID: String, body: ByteBuffer) async throws {
        try await post("/runtime/invocation/\(requestID)/response", body: body, errorType: nil)
    }

    func reportError(requestID: String, _ error: FunctionError) async throws {
        try await post("/runtime/invocation/\(requestID)/error", body: error.jsonBody(), errorType: error.errorType)
    }

    func reportInitError(_ error: FunctionError) async throws {
        try await post("/runtime/init/error", body: error.jsonBody(), errorType: error.errorType)
    }

    private func post(_ path: String, body: ByteBuffer, errorType: String?) async throws {
        var headers: [(String, String)] = []
        if let errorType { headers.append(("lambda-runtime-function-error-type", errorType)) }
        let response = try await request(.POST, path, body: body, extraHeaders: headers)
        switch response.status.code {
        case 200..<300:
            return
        case 500...:
            // AWS documents a 5xx here as a non-recoverable state: the runtime must exit.
            throw RuntimeError.unexpectedStatus(path: path, status: Int(response.status.code))
        default:
            // 400, 403 or 413 concern this one invocation (already answered, too large...):
            // Lambda has recorded the failure, so the loop goes on to the next invocation.
            return
        }
    }

    private func request(
        _ method: HTTPMethod,
        _ path: String,
        body: ByteBuffer?,
        extraHeaders: [(String, String)] = []
    ) async throws -> RuntimeAPIResponse {
        var headers = HTTPHeaders()
        headers.reserveCapacity(3 + extraHeaders.count)
        headers.add(name: "host", value: endpoint.hostHeader)
        headers.add(name: "user-agent", value: "chronoview-runtime")
        if method == .POST { headers.add(name: "content-length", value: String(body?.readableBytes ?? 0)) }
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        let head = HTTPRequestHead(
            version: .http1_1, method: method, uri: endpoint.pathPrefix + "/2018-06-01" + path, headers: headers)
        do {
            return try await openConnection().send(head, body: body)
        } catch RuntimeError.connectionFailed {
            // An idle keep-alive connection may have been closed under us: try once more on a new one.
            connection = nil
            return try await openConnection().send(head, body: body)
        }
    }

    private func openConnection() async throws -> RuntimeAPIConnection {
        if let connection, connection.isActive { return connection }
        let fresh = try await RuntimeAPIConnection.connect(to: endpoint, on: eventLoop)
        connection = fresh
        return fresh
    }
}
