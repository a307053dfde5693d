/// `X-Amz-Log-Type`: whether the caller wants the end of the invocation's log in
/// `X-Amz-Log-Result`.
enum LogType: String, Sendable, CaseIterable {
    // In the service model's order, which its validation message lists.
    case none = "None"
    case tail = "Tail"
}
