import NIOCore
import NIOPosix
import Runtime

/// How an API Gateway integration's call to its function ended.
enum IntegrationOutcome: Sendable {
    case finished(InvocationResult)
    /// The function did not answer within the integration timeout.
    case timedOut
    /// The local Lambda service could not invoke the function.
    case failed(any Error)
}

extension FunctionInvoker {
    /// Invokes `function`, giving up after the integration timeout as API Gateway does, cold
    /// start included.
    ///
    /// The invocation runs in a task of its own rather than a child task: a task group would
    /// wait for an abandoned invocation to unwind (an environment still starting, say), and
    /// API Gateway answers at the timeout whatever the function is doing. The abandoned
    /// invocation is cancelled, which ends its environment.
    func invoke(_ function: String, payload: ByteBuffer, within timeout: Duration) async -> IntegrationOutcome {
        let first = FirstOutcome<IntegrationOutcome>()
        let invocation = Task {
            do {
                first.offer(.finished(try await invoke(function, payload: payload)))
            } catch {
                first.offer(.failed(error))
            }
        }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let timer = Task {
            try await MultiThreadedEventLoopGroup.singleton.any().sleep(until: deadline)
            first.offer(.timedOut)
        }
        let outcome = await withTaskCancellationHandler {
            await first.value()
        } onCancel: {
            first.offer(.failed(CancellationError()))
        }
        timer.cancel()
        if case .finished = outcome {} else { invocation.cancel() }
        return outcome
    }
}
