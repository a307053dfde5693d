import NIOCore

/// Something that runs invocations of named functions: the local Lambda service.
public protocol FunctionInvoker: Sendable {
    /// Invokes `function` with `payload` and waits for the outcome. Throws only when the
    /// function is unknown or the harness itself fails; function failures are outcomes.
    func invoke(_ function: String, payload: ByteBuffer) async throws -> InvocationResult
}
