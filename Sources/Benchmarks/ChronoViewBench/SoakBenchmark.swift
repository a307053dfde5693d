import ArgumentParser
import Foundation
import Synchronization

/// `chronoview-bench soak`: minutes of closed-loop load over the whole API through the local API,
/// watching for what only time shows: errors, execution environments whose memory keeps growing,
/// database connections that are not given back, latency that drifts.
///
/// Unlike `endtoend`, which times one route at a time, every client here plays a user of the app
/// (``SoakClient``), so every function is busy at once; a sampler (``SoakSampler``) reads the
/// environments' memory and the database's connections meanwhile. Exits non-zero on any FAIL.
struct SoakBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak", abstract: "A bounded soak of the whole API through the local API.")

    @Option(help: "The local API's port on 127.0.0.1.")
    var port: UInt16

    @Option(help: "The `chronoview-local serve` process: its children are the execution environments.")
    var servePID: Int32

    @Option(help: "Minutes of measured load.")
    var minutes = 3.0

    @Option(help: "Concurrent clients, each on its own keep-alive connection.")
    var concurrency = 16

    @Option(
        help:
            "Seconds of load before the measured minutes (starts the environments), and before an environment's memory baseline."
    )
    var warmUpSeconds = 30.0

    @Option(help: "Item cycles between a login and its logout.")
    var cyclesPerSession = 40

    @Option(help: "Every this many sessions a client signs up a new account and deletes its old one.")
    var signUpEvery = 5

    @Option(help: "Seconds between samples of memory and connections.")
    var sampleSeconds = 5.0

    @Option(help: "Seconds to wait after the load before counting the connections left.")
    var idleSeconds = 5.0

    @Option(help: "The functions' database, to count its connections.")
    var databaseURL: String

    @Option(help: "The psql to count connections with.")
    var psql = "psql"

    @Option(help: "DATABASE_POOL_SIZE of the functions: the most connections an environment may hold.")
    var databasePoolSize = 1

    @Option(help: "BCRYPT_COST of the functions, for the report.")
    var bcryptCost = 12

    @Option(help: "The largest RSS growth of an environment after warm-up that passes, in KiB.")
    var rssGrowthBoundKiB = 2048

    @Option(help: "The last minute's p99 passes up to this multiple of the first minute's.")
    var p99Tolerance = 1.5

    @OptionGroup var figuresFile: FiguresFile

    func validate() throws {
        guard minutes > 0, concurrency > 0, cyclesPerSession > 0, signUpEvery > 0, sampleSeconds > 0 else {
            throw ValidationError(
                "--minutes, --concurrency, --cycles-per-session, --sign-up-every and --sample-seconds must be positive."
            )
        }
    }

    func run() throws {
        guard kill(servePID, 0) == 0 else { throw BenchError("no process \(servePID) (--serve-pid)") }
        let duration = minutes * 60
        let warmUpStart = monotonicNanoseconds()
        let origin = warmUpStart + UInt64(warmUpSeconds * 1e9)
        let deadline = origin + UInt64(duration * 1e9)
        let sampler = SoakSampler(
            servePID: servePID, psql: psql, databaseURL: databaseURL, origin: origin, interval: sampleSeconds)
        sampler.start()
        let clientSettings = SoakClient.Settings(
            port: port, cyclesPerSession: cyclesPerSession, signUpEvery: signUpEvery,
            runID: UUID().uuidString.prefix(8).lowercased(), origin: origin)
        let outcomes = Self.runClients(count: concurrency, settings: clientSettings, until: deadline)
        let endOfLoad = sampler.record()
        usleep(UInt32(idleSeconds * 1e6))
        let afterIdle = sampler.record()
        sampler.stop()

        let report = SoakReport(
            settings: SoakReport.Settings(
                minutes: minutes, concurrency: concurrency, warmUpSeconds: warmUpSeconds, bcryptCost: bcryptCost,
                cyclesPerSession: cyclesPerSession, signUpEvery: signUpEvery, sampleSeconds: sampleSeconds,
                idleSeconds: idleSeconds, databasePoolSize: databasePoolSize, residentGrowthBoundKiB: rssGrowthBoundKiB,
                p99Tolerance: p99Tolerance),
            duration: duration, outcomes: outcomes, samples: sampler.samples, endOfLoad: endOfLoad,
            afterIdle: afterIdle)
        try figuresFile.write(report)
        report.print()
        if !report.passed { throw ExitCode.failure }
    }

    /// Where the client threads leave their outcomes.
    private final class Collected: Sendable {
        let outcomes = Mutex<[SoakClient.Outcome]>([])
    }

    /// Runs `count` clients on threads of their own until `deadline`; returns what each saw.
    private static func runClients(count: Int, settings: SoakClient.Settings, until deadline: UInt64)
        -> [SoakClient.Outcome]
    {
        let collected = Collected()
        for index in 0..<count {
            Thread {
                let outcome = SoakClient(index: index, settings: settings).run(until: deadline)
                collected.outcomes.withLock { $0.append(outcome) }
            }.start()
        }
        while collected.outcomes.withLock({ $0.count }) < count { usleep(50_000) }
        return collected.outcomes.withLock { $0 }
    }
}
