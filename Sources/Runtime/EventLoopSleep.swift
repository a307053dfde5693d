import NIOCore

extension EventLoop {
    /// Waits until `deadline` on a timer of this loop; throws `CancellationError` as soon as the
    /// task is cancelled.
    ///
    /// For racing an operation against a deadline in a long-lived process: a cancelled
    /// `Task.sleep` keeps its task and timer allocated until its original deadline
    /// (swiftlang/swift#60441), so one per operation grows memory with the request rate, while
    /// cancelling this cancels the loop's timer, which frees it at once.
    public func sleep(until deadline: NIODeadline) async throws {
        let timer = scheduleTask(deadline: deadline) {}
        try await withTaskCancellationHandler {
            do {
                try await timer.futureResult.get()
            } catch EventLoopError.cancelled {
                throw CancellationError()
            }
        } onCancel: {
            timer.cancel()
        }
    }
}
