import NIOCore

/// How one invocation ended, as Lambda's `Invoke` API would tell its caller.
public struct InvocationResult: Sendable {
    public enum Outcome: Sendable {
        /// The function returned this payload.
        case success(ByteBuffer)
        /// The function (or Lambda on its behalf) reported an error: `{errorMessage, errorType, ...}`.
        /// `errorType` is the function's own, or Lambda's (`Runtime.ExitError`, `Sandbox.Timedout`,
        /// `Runtime.InitError`, `RequestEntityTooLarge`...).
        case functionError(errorType: String, payload: ByteBuffer)
    }

    /// The response, or the error.
    public var outcome: Outcome
    /// What the `REPORT` line says about the invocation.
    public var report: InvocationReport

    /// An invocation's result, for invokers other than the local Lambda service (test doubles, say).
    public init(outcome: Outcome, report: InvocationReport) {
        self.outcome = outcome
        self.report = report
    }

    /// The response, or the error document: what Lambda's `Invoke` returns as its payload.
    public var payload: ByteBuffer {
        switch outcome {
        case .success(let payload), .functionError(_, let payload): payload
        }
    }

    /// The error type for a function error, `nil` for a success.
    public var errorType: String? {
        switch outcome {
        case .success: nil
        case .functionError(let errorType, _): errorType
        }
    }
}

/// What Lambda's `REPORT` line says about an invocation.
public struct InvocationReport: Sendable, Hashable {
    /// The invocation's request id, as the function saw it in `Lambda-Runtime-Aws-Request-Id`.
    public var requestID: String
    public var functionName: String
    /// From handing the event to the runtime to its answer (or to the timeout).
    public var duration: Duration
    /// Set on a cold start: the time from spawning the environment to its first `GET /next`.
    public var initDuration: Duration?
    /// The environment's peak resident memory so far, in MB.
    public var maxMemoryUsedMB: Int
    /// The function's configured memory.
    public var memorySizeMB: Int

    /// A report; `memorySizeMB` defaults to Lambda's default memory size.
    public init(
        requestID: String,
        functionName: String,
        duration: Duration,
        initDuration: Duration?,
        maxMemoryUsedMB: Int,
        memorySizeMB: Int = 128
    ) {
        self.requestID = requestID
        self.functionName = functionName
        self.duration = duration
        self.initDuration = initDuration
        self.maxMemoryUsedMB = maxMemoryUsedMB
        self.memorySizeMB = memorySizeMB
    }
}
