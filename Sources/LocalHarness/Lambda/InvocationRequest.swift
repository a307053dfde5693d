import NIOCore

/// One invocation on its way to an execution environment.
struct InvocationRequest: Sendable {
    var requestID: String
    var payload: ByteBuffer
    var invokedFunctionARN: String
    /// The X-Ray header Lambda passes as `Lambda-Runtime-Trace-Id`.
    var traceID: String
    var timeout: Duration
}
