/// Counters of one function's execution environments, as the harness has seen them so far.
public struct FunctionStatistics: Sendable, Hashable {
    /// Environments started and not yet discarded (busy or idle).
    public var liveEnvironments: Int
    /// Warm environments waiting for an invocation.
    public var idleEnvironments: Int
    /// Environments started since the harness began: a cold start each.
    public var spawns: Int
    /// Invocations that reached the function's queue (payloads over the limit never do).
    public var invocations: Int
    /// Invocations waiting for an environment because all allowed ones are busy.
    public var queuedInvocations: Int
    /// The process ids of the live environments.
    public var processIDs: [Int32]

    /// Counters as given; the service fills them in ``LocalLambda/statistics(for:)``.
    public init(
        liveEnvironments: Int,
        idleEnvironments: Int,
        spawns: Int,
        invocations: Int,
        queuedInvocations: Int,
        processIDs: [Int32]
    ) {
        self.liveEnvironments = liveEnvironments
        self.idleEnvironments = idleEnvironments
        self.spawns = spawns
        self.invocations = invocations
        self.queuedInvocations = queuedInvocations
        self.processIDs = processIDs
    }
}
