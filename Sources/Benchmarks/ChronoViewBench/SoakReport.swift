/// The soak's figures, worked out from what the clients and the sampler recorded, with a verdict
/// per criterion. Written as JSON as it is; ``print()`` gives the table.
struct SoakReport: Codable {
    /// The run's settings, so that figures are never read without them.
    struct Settings: Codable {
        var minutes: Double
        var concurrency: Int
        var warmUpSeconds: Double
        var bcryptCost: Int
        var cyclesPerSession: Int
        var signUpEvery: Int
        var sampleSeconds: Double
        /// How long the load had stopped before the last sample.
        var idleSeconds: Double
        var databasePoolSize: Int
        /// The bounds the verdicts are against.
        var residentGrowthBoundKiB: Int
        var p99Tolerance: Double
    }

    /// Latency over one minute of the measured run, by when responses arrived.
    struct Minute: Codable {
        var minute: Int
        var requests: Int
        var latencyMilliseconds: Distribution?
        /// Without sign-ups, logins and account deletions, whose time is bcrypt's by design.
        var withoutBcryptMilliseconds: Distribution?
        var bcryptMilliseconds: Distribution?
    }

    /// One execution environment's resident memory over the run.
    struct Environment: Codable {
        var pid: Int32
        var function: String
        /// When the sampler first saw it (seconds of the measured run).
        var firstSeenAt: Double
        /// The first sample at least the warm-up after both the run's start and its own start.
        var baselineAt: Double?
        var baselineKiB: Int?
        /// The sample right after the load stopped.
        var endKiB: Int?
        var peakKiB: Int
        var growthKiB: Int? {
            guard let baselineKiB, let endKiB else { return nil }
            return endKiB - baselineKiB
        }
    }

    /// One function's environments together: how their memory moved against the work they did.
    struct FunctionMemory: Codable {
        var function: String
        var environments: Int
        /// Those sampled long enough to have a baseline.
        var measuredEnvironments: Int
        var largestEndKiB: Int?
        var largestGrowthKiB: Int?
        var totalGrowthKiB: Int
        /// The function's requests from the first baseline to the end of the load.
        var invocations: Int
        /// Total growth over those requests: a leak shows as a steady figure here.
        var bytesPerInvocation: Double?
    }

    struct Connections: Codable {
        var minimum: Int?
        var maximum: Int?
        /// Samples whose count exceeded the live environments times the pool size.
        var samplesOverBound: Int
        var afterIdle: Int?
        var environmentsAfterIdle: Int
        var boundAfterIdle: Int
    }

    struct Criterion: Codable {
        var name: String
        var passed: Bool
        var detail: String
    }

    var settings: Settings
    var requests: Int
    var requestsPerSecond: Double
    /// Requests outside the measured minutes: the warm-up, and the cycles finished after the end.
    var unmeasuredRequests: Int
    var bcryptRequests: Int
    var steps: [String: Int]
    var errors: Int
    var errorCounts: [String: Int]
    var errorExamples: [SoakClient.Failure]
    var minutes: [Minute]
    var environments: [Environment]
    var maximumGrowthKiB: Int?
    var functions: [FunctionMemory]
    var localAPIResidentKiB: [String: Int]
    var connections: Connections
    var loadAverage: [String: Double]
    var criteria: [Criterion]
    var samples: [SoakSampler.Sample]

    var passed: Bool { criteria.allSatisfy(\.passed) }

    /// Works the figures out.
    /// - Parameters:
    ///   - duration: the measured run's length in seconds.
    ///   - endOfLoad: the sample taken as soon as every client had stopped.
    ///   - afterIdle: the sample taken after the idle wait.
    init(
        settings: Settings, duration: Double, outcomes: [SoakClient.Outcome], samples: [SoakSampler.Sample],
        endOfLoad: SoakSampler.Sample, afterIdle: SoakSampler.Sample
    ) {
        self.settings = settings
        self.samples = samples
        let records = outcomes.flatMap(\.records)
        let measured = records.filter { $0.finishedAt >= 0 && $0.finishedAt < duration }
        requests = measured.count
        requestsPerSecond = Double(measured.count) / duration
        unmeasuredRequests = records.count - measured.count
        bcryptRequests = measured.filter(\.isBcrypt).count
        steps = records.reduce(into: [:]) { $0[$1.step, default: 0] += 1 }
        errorCounts = outcomes.reduce(into: [:]) { $0.merge($1.failureCounts, uniquingKeysWith: +) }
        errors = errorCounts.values.reduce(0, +)
        errorExamples = Array(outcomes.flatMap(\.failureExamples).sorted { $0.at < $1.at }.prefix(10))

        let minuteCount = Swift.max(1, Int((duration / 60).rounded(.up)))
        let byMinute = Dictionary(grouping: measured) { Swift.min(minuteCount - 1, Int($0.finishedAt / 60)) }
        minutes = (0..<minuteCount).map { minute in
            let inMinute = byMinute[minute] ?? []
            return Minute(
                minute: minute + 1, requests: inMinute.count,
                latencyMilliseconds: Distribution(inMinute.map(\.milliseconds)),
                withoutBcryptMilliseconds: Distribution(inMinute.filter { !$0.isBcrypt }.map(\.milliseconds)),
                bcryptMilliseconds: Distribution(inMinute.filter(\.isBcrypt).map(\.milliseconds)))
        }

        environments = Self.environments(
            samples: samples, endOfLoad: endOfLoad, warmUp: settings.warmUpSeconds)
        maximumGrowthKiB = environments.compactMap(\.growthKiB).max()
        functions = Self.functions(environments: environments, records: records, end: endOfLoad.at)
        let localAPI = samples.compactMap { sample in sample.localAPIResidentKiB.map { (sample.at, $0) } }
        localAPIResidentKiB = [
            "baseline": localAPI.first { $0.0 >= settings.warmUpSeconds }?.1 ?? localAPI.first?.1 ?? 0,
            "end": endOfLoad.localAPIResidentKiB ?? 0,
            "afterIdle": afterIdle.localAPIResidentKiB ?? 0,
        ]

        // Over the measured run: the warm-up's first samples are from before most environments started.
        let underLoad = samples.filter { $0.at >= 0 && $0.at <= endOfLoad.at }
        let counts = underLoad.compactMap(\.databaseConnections)
        let boundAfterIdle = afterIdle.environments.count * settings.databasePoolSize
        connections = Connections(
            minimum: counts.min(), maximum: counts.max(),
            samplesOverBound: underLoad.filter { sample in
                (sample.databaseConnections ?? 0) > sample.environments.count * settings.databasePoolSize
            }.count,
            afterIdle: afterIdle.databaseConnections, environmentsAfterIdle: afterIdle.environments.count,
            boundAfterIdle: boundAfterIdle)

        let loads = samples.compactMap(\.loadAverage)
        loadAverage = [
            "start": loads.first ?? 0, "end": loads.last ?? 0, "minimum": loads.min() ?? 0, "maximum": loads.max() ?? 0,
        ]
        criteria = []
        criteria = judge()
    }

    /// Each environment's baseline and end, from the samples it appears in.
    private static func environments(
        samples: [SoakSampler.Sample], endOfLoad: SoakSampler.Sample, warmUp: Double
    ) -> [Environment] {
        var byPID: [Int32: Environment] = [:]
        for sample in samples {
            for process in sample.environments {
                var environment =
                    byPID[process.pid]
                    ?? Environment(
                        pid: process.pid, function: process.name, firstSeenAt: sample.at, peakKiB: process.residentKiB)
                environment.peakKiB = Swift.max(environment.peakKiB, process.residentKiB)
                // Warm-up for the process too: one started late still settles its heap first.
                if environment.baselineKiB == nil, sample.at >= warmUp, sample.at - environment.firstSeenAt >= warmUp,
                    sample.at < endOfLoad.at
                {
                    environment.baselineAt = sample.at
                    environment.baselineKiB = process.residentKiB
                }
                byPID[process.pid] = environment
            }
        }
        for process in endOfLoad.environments { byPID[process.pid]?.endKiB = process.residentKiB }
        return byPID.values.sorted { ($0.function, $0.pid) < ($1.function, $1.pid) }
    }

    /// The environments summed up per function, beside the requests each function served.
    private static func functions(environments: [Environment], records: [SoakClient.Record], end: Double)
        -> [FunctionMemory]
    {
        Dictionary(grouping: environments, by: \.function).map { function, group in
            let measured = group.filter { $0.growthKiB != nil }
            let total = measured.compactMap(\.growthKiB).reduce(0, +)
            let start = measured.compactMap(\.baselineAt).min()
            let invocations =
                start.map { start in
                    records.filter { $0.function == function && $0.finishedAt >= start && $0.finishedAt <= end }.count
                } ?? 0
            return FunctionMemory(
                function: function, environments: group.count, measuredEnvironments: measured.count,
                largestEndKiB: group.compactMap(\.endKiB).max(),
                largestGrowthKiB: measured.compactMap(\.growthKiB).max(),
                totalGrowthKiB: total, invocations: invocations,
                bytesPerInvocation: invocations > 0 ? Double(total) * 1024 / Double(invocations) : nil)
        }.sorted { $0.function < $1.function }
    }

    private func judge() -> [Criterion] {
        var criteria = [
            Criterion(
                name: "no errors", passed: errors == 0,
                detail: "\(errors) responses without the contract's status, of \(requests + unmeasuredRequests)")
        ]
        let measuredEnvironments = environments.filter { $0.growthKiB != nil }
        let bound = settings.residentGrowthBoundKiB
        criteria.append(
            Criterion(
                name: "RSS growth ≤ \(mebibytes(bound)) MiB per environment after warm-up",
                passed: !measuredEnvironments.isEmpty && (maximumGrowthKiB ?? 0) <= bound,
                detail: measuredEnvironments.isEmpty
                    ? "no environment was sampled long enough"
                    : "largest growth \(mebibytes(maximumGrowthKiB ?? 0)) MiB over \(measuredEnvironments.count) environments"
            ))
        criteria.append(
            Criterion(
                name: "DB connections after \(formatted(settings.idleSeconds, digits: 0)) s idle ≤ environments × pool",
                passed: connections.afterIdle.map { $0 <= connections.boundAfterIdle } ?? false,
                detail:
                    "\(connections.afterIdle.map(String.init) ?? "unknown") connections, "
                    + "\(connections.environmentsAfterIdle) environments × \(settings.databasePoolSize)"))
        if let first = minutes.first?.latencyMilliseconds, let last = minutes.last?.latencyMilliseconds {
            criteria.append(
                Criterion(
                    name: "p99 of the last minute ≤ \(formatted(settings.p99Tolerance, digits: 1))× the first's",
                    passed: last.p99 <= first.p99 * settings.p99Tolerance,
                    detail: "\(formatted(first.p99, digits: 2)) ms → \(formatted(last.p99, digits: 2)) ms"))
        } else {
            criteria.append(Criterion(name: "p99 stable", passed: false, detail: "no latencies were recorded"))
        }
        return criteria
    }

    /// The table and the verdicts, for the terminal and BENCHMARKS.md.
    func print() {
        let minutesText = formatted(settings.minutes, digits: settings.minutes == settings.minutes.rounded() ? 0 : 1)
        Swift.print(
            "== Soak: \(minutesText) min at concurrency \(settings.concurrency) over the whole API "
                + "(after \(formatted(settings.warmUpSeconds, digits: 0)) s of warm-up; BCRYPT_COST=\(settings.bcryptCost))"
        )
        Swift.print(
            "requests \(requests) (\(formatted(requestsPerSecond)) /s; \(bcryptRequests) sign-ups, logins and "
                + "deletions; \(unmeasuredRequests) more in warm-up and wind-down), errors \(errors)")
        Swift.print(
            "load average (1 min) \(formatted(loadAverage["start"], digits: 2)) before the load, "
                + "\(formatted(loadAverage["end"], digits: 2)) at the end, "
                + "\(formatted(loadAverage["minimum"], digits: 2))–\(formatted(loadAverage["maximum"], digits: 2))")
        for (key, count) in errorCounts.sorted(by: { $0.key < $1.key }) { Swift.print("  error: \(key) ×\(count)") }
        for example in errorExamples {
            Swift.print(
                "  at \(formatted(example.at)) s \(example.step): expected \(example.expected), got \(example.status): \(example.body)"
            )
        }

        TextTable([
            "minute": 7, "requests": 9, "p50 ms": 9, "p99 ms": 9, "p50 no-bc": 11, "p99 no-bc": 11, "p50 bcr": 10,
            "p99 bcr": 10,
        ]).print(
            minutes.map { minute in
                [
                    String(minute.minute), String(minute.requests),
                    formatted(minute.latencyMilliseconds?.median, digits: 2),
                    formatted(minute.latencyMilliseconds?.p99, digits: 2),
                    formatted(minute.withoutBcryptMilliseconds?.median, digits: 2),
                    formatted(minute.withoutBcryptMilliseconds?.p99, digits: 2),
                    formatted(minute.bcryptMilliseconds?.median, digits: 0),
                    formatted(minute.bcryptMilliseconds?.p99, digits: 0),
                ]
            })

        TextTable([
            "environment": 12, "pid": 8, "seen at s": 10, "baseline at": 12, "base MiB": 10, "end MiB": 10,
            "growth KiB": 10,
        ]).print(
            environments.map { environment in
                [
                    environment.function, String(environment.pid), formatted(environment.firstSeenAt, digits: 0),
                    environment.baselineAt.map { formatted($0, digits: 0) } ?? "-",
                    environment.baselineKiB.map { mebibytes($0) } ?? "-",
                    environment.endKiB.map { mebibytes($0) } ?? "-",
                    environment.growthKiB.map(String.init) ?? "-",
                ]
            })
        TextTable([
            "function": 12, "envs": 6, "measured": 9, "max MiB": 10, "max growth": 12, "invocations": 12,
            "B/invocation": 12,
        ]).print(
            functions.map { function in
                [
                    function.function, String(function.environments), String(function.measuredEnvironments),
                    function.largestEndKiB.map { mebibytes($0) } ?? "-",
                    function.largestGrowthKiB.map { "\($0) KiB" } ?? "-", String(function.invocations),
                    formatted(function.bytesPerInvocation, digits: 0),
                ]
            })
        Swift.print(
            "local API (chronoview-local) RSS: \(mebibytes(localAPIResidentKiB["baseline"] ?? 0)) MiB after warm-up, "
                + "\(mebibytes(localAPIResidentKiB["end"] ?? 0)) MiB at the end")
        Swift.print(
            "DB connections: \(connections.minimum.map(String.init) ?? "-")–\(connections.maximum.map(String.init) ?? "-") "
                + "during the run (\(connections.samplesOverBound) samples above environments × pool), "
                + "\(connections.afterIdle.map(String.init) ?? "-") after the idle wait "
                + "with \(connections.environmentsAfterIdle) environments alive")
        for criterion in criteria {
            Swift.print("\(criterion.passed ? "PASS" : "FAIL"): \(criterion.name): \(criterion.detail)")
        }
    }
}

/// KiB as MiB with two decimals.
private func mebibytes(_ kibibytes: Int) -> String {
    formatted(Double(kibibytes) / 1024, digits: 2)
}
