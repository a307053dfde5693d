/// `X-Amz-Invocation-Type`: whether the caller waits for the function, and for what.
enum InvocationType: String, Sendable, CaseIterable {
    // In the service model's order, which its validation message lists.
    /// Asynchronous: Lambda queues the event and answers 202 at once.
    case event = "Event"
    /// Synchronous, the default: the answer is the function's response.
    case requestResponse = "RequestResponse"
    /// Only checks the request: 204, and nothing runs.
    case dryRun = "DryRun"

    /// The largest payload Lambda takes for this kind of invocation.
    var payloadLimit: Int {
        switch self {
        case .requestResponse, .dryRun: PayloadLimit.bytes
        // Asynchronous invocations are queued, and the queue takes 1 MB at most.
        case .event: 1024 * 1024
        }
    }
}
