import NIOCore
import NIOHTTP1

/// A response of the Runtime API, with Lambda's status codes and error bodies.
struct RuntimeAPIReply: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: ByteBuffer

    init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
        self.headers.replaceOrAdd(name: "content-length", value: String(body.readableBytes))
        if !self.headers.contains(name: "content-type") {
            self.headers.add(name: "content-type", value: "application/json")
        }
    }

    private static let acceptedBody = ByteBuffer(string: #"{"status":"OK"}"#)

    /// 202: the response or error was recorded.
    static let accepted = RuntimeAPIReply(status: .accepted, body: acceptedBody)

    /// 400: no invocation with this request id awaits an answer (unknown, or answered already).
    static let invalidRequestID = error(.badRequest, type: "InvalidRequestID", message: "Invalid request ID")

    /// 413: the response is larger than Lambda accepts.
    static let payloadTooLarge = error(
        .payloadTooLarge,
        type: "RequestEntityTooLarge",
        message: "Exceeded maximum allowed payload size (\(PayloadLimit.bytes) bytes)."
    )

    /// 403: the call does not fit the environment's state (an init error after initialisation, say).
    static func invalidStateTransition(_ message: String) -> RuntimeAPIReply {
        error(.forbidden, type: "InvalidStateTransition", message: message)
    }

    /// 500: the environment is gone or going; the runtime should exit promptly.
    static func containerError(_ message: String) -> RuntimeAPIReply {
        error(.internalServerError, type: "ContainerError", message: message)
    }

    static let notFound = error(.notFound, type: "NotFound", message: "No such Runtime API resource")
    static let methodNotAllowed = error(.methodNotAllowed, type: "MethodNotAllowed", message: "Method not allowed")

    /// 200 to `GET /next`: the event, with the invocation's metadata in headers.
    static func invocation(_ request: InvocationRequest, deadlineMilliseconds: Int64) -> RuntimeAPIReply {
        var headers = HTTPHeaders()
        headers.reserveCapacity(6)
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "lambda-runtime-aws-request-id", value: request.requestID)
        headers.add(name: "lambda-runtime-deadline-ms", value: String(deadlineMilliseconds))
        headers.add(name: "lambda-runtime-invoked-function-arn", value: request.invokedFunctionARN)
        headers.add(name: "lambda-runtime-trace-id", value: request.traceID)
        return RuntimeAPIReply(status: .ok, headers: headers, body: request.payload)
    }

    static func error(_ status: HTTPResponseStatus, type: String, message: String) -> RuntimeAPIReply {
        RuntimeAPIReply(status: status, body: LambdaErrorPayload(errorType: type, errorMessage: message).json)
    }

    /// Writes the reply on `channel`; call on the channel's event loop.
    func write(to channel: any Channel, version: HTTPVersion, keepAlive: Bool) {
        var headers = self.headers
        if !keepAlive { headers.replaceOrAdd(name: "connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: status, headers: headers)
        channel.write(HTTPServerResponsePart.head(head), promise: nil)
        if body.readableBytes > 0 {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(body)), promise: nil)
        }
        let written = channel.writeAndFlush(HTTPServerResponsePart.end(nil))
        if !keepAlive {
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
