extension InvocationReport {
    /// What Lambda bills: the duration rounded up to the millisecond, with the init phase
    /// included, as it is for custom runtimes (and, since August 2025, for every runtime).
    public var billedDuration: Duration {
        let total = duration + (initDuration ?? .zero)
        let (seconds, attoseconds) = total.components
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let wholeMilliseconds = seconds * 1000 + attoseconds / attosecondsPerMillisecond
        let roundsUp = attoseconds % attosecondsPerMillisecond > 0
        return .milliseconds(wholeMilliseconds + (roundsUp ? 1 : 0))
    }

    /// Lambda's `REPORT` line, fields separated by tabs as in CloudWatch Logs:
    /// `REPORT RequestId: ...  Duration: 1.23 ms  Billed Duration: 2 ms  Memory Size: 128 MB
    /// Max Memory Used: 20 MB  Init Duration: 45.67 ms` (the last on cold starts only).
    public var logLine: String {
        var fields = [
            "REPORT RequestId: \(requestID)",
            "Duration: \(Self.milliseconds(duration)) ms",
            "Billed Duration: \(billedDuration.components.seconds * 1000 + billedDuration.components.attoseconds / 1_000_000_000_000_000) ms",
            "Memory Size: \(memorySizeMB) MB",
            "Max Memory Used: \(maxMemoryUsedMB) MB",
        ]
        if let initDuration { fields.append("Init Duration: \(Self.milliseconds(initDuration)) ms") }
        return fields.joined(separator: "\t")
    }

    /// Milliseconds with two decimals, rounded half up: `12.35`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }
}
