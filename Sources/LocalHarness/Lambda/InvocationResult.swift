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

    public var outcome: Outcome
    public var report: InvocationReport

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
    public var requestID: String
    public var functionName: String
    public var duration: Duration
    /// Set on a cold start: the time from spawning the environment to its first `GET /next`.
    public var initDuration: Duration?
    public var maxMemoryUsedMB: Int
    /// The function's configured memory.
    public var memorySizeMB: Int

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
