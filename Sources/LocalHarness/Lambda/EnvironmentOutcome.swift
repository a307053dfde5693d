import NIOCore

/// How an invocation ended inside an execution environment, before it is worded as Lambda
/// words it for the caller.
enum EnvironmentOutcome: Sendable {
    /// The runtime posted a response.
    case response(ByteBuffer)
    /// The runtime posted an error.
    case functionError(errorType: String, payload: ByteBuffer)
    /// The runtime's response (or error) was over the payload limit.
    case responseTooLarge(bytes: Int)
    /// The runtime reported a failed initialisation to `/runtime/init/error`.
    case initError(errorType: String, payload: ByteBuffer)
    /// Initialisation did not finish within the init phase's limit.
    case initTimedOut(Duration)
    /// The process ended; `duringInit` when it had not yet asked for its first invocation.
    case exited(ExitStatus, duringInit: Bool)
    /// The invocation ran past the function's timeout and the environment was killed.
    case timedOut
    /// The caller stopped waiting.
    case cancelled
    /// The harness is shutting down.
    case shutDown

    /// Whether the environment can serve another invocation afterwards.
    var leavesEnvironmentReusable: Bool {
        switch self {
        case .response, .functionError, .responseTooLarge: true
        case .initError, .initTimedOut, .exited, .timedOut, .cancelled, .shutDown: false
        }
    }
}

/// An invocation's outcome with the times the `REPORT` line needs.
struct CompletedInvocation: Sendable {
    var outcome: EnvironmentOutcome
    /// From handing the event to the runtime to its answer; zero if the event was never delivered.
    var duration: Duration
}
