import Glibc

/// The driver's side of the Lambda Runtime API, over one function process's connection.
///
/// It answers `GET /runtime/invocation/next` with an event and takes the function's response,
/// as Lambda does, but synchronously on the calling thread: the driver has nothing else to do
/// while a function runs, so no event loop is needed, and its cost is the calling thread's CPU time.
final class RuntimeAPIServer {
    private let connection: WireConnection
    private var invocations = 0
    private static let accepted: [UInt8] = {
        let body = #"{"status":"OK"}"#
        return Array(
            "HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)"
                .utf8)
    }()

    init(_ connection: WireConnection) {
        self.connection = connection
        // A function that hangs must not hang the benchmark.
        connection.setReadTimeout(seconds: 30)
    }

    /// Waits for the function to ask for its next invocation.
    func awaitNext() throws {
        let request = try connection.readMessage()
        guard request.startLine.hasPrefix("GET "), request.startLine.contains("/runtime/invocation/next") else {
            throw BenchError("expected GET /runtime/invocation/next, got \(request.startLine)")
        }
    }

    /// Hands the function an event, as the answer to its pending `GET /next`.
    func sendEvent(_ event: [UInt8]) throws {
        invocations += 1
        // Lambda's deadline is absolute wall-clock time; an hour ahead keeps every handler unhurried.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let deadline = (Int64(now.tv_sec) + 3600) * 1000
        var message = Array(
            ("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: \(event.count)\r\n"
                + "lambda-runtime-aws-request-id: bench-\(invocations)\r\nlambda-runtime-deadline-ms: \(deadline)\r\n"
                + "lambda-runtime-invoked-function-arn: arn:aws:lambda:us-east-1:000000000000:function:bench\r\n\r\n")
                .utf8)
        message.append(contentsOf: event)
        try connection.write(message)
    }

    /// Waits for the function's response (or error) to the last event, and acknowledges it.
    func awaitResponse() throws -> (isError: Bool, body: [UInt8]) {
        let request = try connection.readMessage()
        guard request.startLine.hasPrefix("POST ") else {
            throw BenchError("expected the invocation's response, got \(request.startLine)")
        }
        try connection.write(Self.accepted)
        return (request.startLine.contains("/error "), request.body)
    }
}
