import NIOCore
import Runtime

/// How long to wait before trying a failed request again: exponential back-off with jitter,
/// or what the server asked for in `retry-after`; and whether another try still fits before
/// the deadline.
struct RetryPacing: Sendable {
    var initialDelay: TimeAmount = .milliseconds(200)
    var maximumDelay: TimeAmount = .seconds(2)
    /// The least time worth starting another attempt with.
    var shortestAttempt: TimeAmount = .milliseconds(250)

    /// Waits after the `attempt`-th failure (counting from 1); false, at once, when waiting
    /// would leave no time for another attempt before `deadline`, or when the task is cancelled.
    func pause(after attempt: Int, retryAfter: TimeAmount?, deadline: NIODeadline, on eventLoop: any EventLoop)
        async -> Bool
    {
        let resumption = NIODeadline.now() + (retryAfter ?? backoff(after: attempt))
        guard resumption + shortestAttempt <= deadline else { return false }
        do {
            try await eventLoop.sleep(until: resumption)
            return true
        } catch {
            return false
        }
    }

    /// Between half and all of `initialDelay` doubled each attempt, up to `maximumDelay`: the
    /// random half keeps symbols that failed together from retrying together.
    private func backoff(after attempt: Int) -> TimeAmount {
        let doublings = min(max(attempt - 1, 0), 16)
        let ceiling = min(initialDelay.nanoseconds << doublings, maximumDelay.nanoseconds)
        return .nanoseconds(ceiling / 2 + Int64.random(in: 0...(ceiling / 2)))
    }
}
