import Foundation
import Synchronization

/// What the soak watches besides the responses, every few seconds: the resident memory of each
/// execution environment (the function processes that `chronoview-local serve` starts as its
/// children) and of the local API itself, the database's client connections, and the machine's load.
final class SoakSampler: Sendable {
    /// One process's resident set.
    struct ProcessMemory: Codable, Sendable {
        var pid: Int32
        /// The function's executable name (`/proc/<pid>/comm`).
        var name: String
        /// VmRSS, in KiB.
        var residentKiB: Int
    }

    /// Everything read at one instant.
    struct Sample: Codable, Sendable {
        /// Seconds from the start of the measured run (negative in the warm-up).
        var at: Double
        var environments: [ProcessMemory]
        var localAPIResidentKiB: Int?
        /// Connections to the functions' database other than the sampler's own; nil if psql failed.
        var databaseConnections: Int?
        /// The 1-minute load average.
        var loadAverage: Double?
    }

    private let servePID: Int32
    private let psql: String
    private let databaseURL: String
    private let origin: UInt64
    private let interval: Double
    private let collected = Mutex<[Sample]>([])
    private let stopped = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    /// - Parameters:
    ///   - servePID: the `chronoview-local serve` process, whose children are the environments.
    ///   - origin: the measured run's start (monotonic ns); sample times are relative to it.
    init(servePID: Int32, psql: String, databaseURL: String, origin: UInt64, interval: Double) {
        self.servePID = servePID
        self.psql = psql
        self.databaseURL = databaseURL
        self.origin = origin
        self.interval = interval
    }

    /// Samples every `interval` seconds on a thread of its own until ``stop()``.
    func start() {
        Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                let next = monotonicNanoseconds() + UInt64(interval * 1e9)
                record()
                // Short naps, so that stop() does not wait for a whole interval.
                while !stopped.load(ordering: .relaxed) && monotonicNanoseconds() < next { usleep(50_000) }
            }
            finished.store(true, ordering: .releasing)
        }.start()
    }

    /// Stops the sampling thread and waits for it.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        while !finished.load(ordering: .acquiring) { usleep(10_000) }
    }

    /// Takes a sample now, keeps it with the others, and returns it.
    @discardableResult
    func record() -> Sample {
        let sample = take()
        collected.withLock { $0.append(sample) }
        return sample
    }

    /// Every sample so far, oldest first.
    var samples: [Sample] {
        collected.withLock { $0.sorted { $0.at < $1.at } }
    }

    private func take() -> Sample {
        let environments = Self.children(of: servePID).compactMap { pid -> ProcessMemory? in
            guard let resident = Self.residentKiB(of: pid) else { return nil }  // it ended meanwhile
            let name = Self.readProcFile("/proc/\(pid)/comm")?.trimmingCharacters(in: .whitespacesAndNewlines)
            return ProcessMemory(pid: pid, name: name ?? "?", residentKiB: resident)
        }
        let connections = databaseConnections()
        let load = Self.readProcFile("/proc/loadavg")?.split(separator: " ").first.flatMap { Double($0) }
        return Sample(
            at: (Double(monotonicNanoseconds()) - Double(origin)) / 1e9,
            environments: environments.sorted { ($0.name, $0.pid) < ($1.name, $1.pid) },
            localAPIResidentKiB: Self.residentKiB(of: servePID), databaseConnections: connections,
            loadAverage: load)
    }

    /// The database's client connections, without this query's own.
    private func databaseConnections() -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = [
            databaseURL, "-X", "-tAq", "-c",
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The child processes of `pid`: each of its threads lists the children it started.
    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var children: Set<Int32> = []
        for task in tasks {
            let list = readProcFile("/proc/\(pid)/task/\(task)/children") ?? ""
            for field in list.split(separator: " ") {
                if let child = Int32(field.trimmingCharacters(in: .whitespacesAndNewlines)) { children.insert(child) }
            }
        }
        return children.sorted()
    }

    /// VmRSS of `pid` in KiB, or nil when it is gone.
    static func residentKiB(of pid: Int32) -> Int? {
        guard let status = readProcFile("/proc/\(pid)/status") else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.filter(\.isNumber))
        }
        return nil
    }

    /// A /proc file's text. Read in chunks: they report a size of 0, so a read sized by `stat` gets nothing.
    static func readProcFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
