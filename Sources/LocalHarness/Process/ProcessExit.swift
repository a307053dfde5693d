/// What the kernel reported when a child process was reaped.
struct ProcessExit: Sendable, Hashable {
    var status: ExitStatus
    /// User plus system CPU time the process consumed over its whole life.
    var cpuTime: Duration
    /// The largest resident set the process had, in kilobytes (`ru_maxrss`).
    var peakMemoryKilobytes: Int
}
