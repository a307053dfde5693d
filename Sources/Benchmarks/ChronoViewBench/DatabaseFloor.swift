import Foundation

/// The database's share of a request, measured on its own: pgbench running the primary-key
/// select that `GET /api/me` runs, over TCP like the functions, at the same concurrency.
struct DatabaseFloor {
    var databaseURL: String
    var sql: String
    var workDirectory: String

    func run(concurrency: Int, seconds: Int) throws -> LoadGenerator.Result {
        let directory = "\(workDirectory)/pgbench-c\(concurrency)"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = "\(directory)/select.sql"
        try (sql + ";\n").write(toFile: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Extended protocol, as our libpq client speaks it; -l logs every transaction's latency.
        process.arguments = [
            "pgbench", "-n", "-M", "extended", "-f", script, "-c", "\(concurrency)", "-j", "\(min(concurrency, 2))",
            "-T", "\(seconds)", "-l", "--log-prefix=\(directory)/log", databaseURL,
        ]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("pgbench failed: \(String(decoding: message, as: UTF8.self))")
        }
        var latencies: [Double] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasPrefix("log") {
            let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
            // Each line: client_id transaction_no latency_us script_no epoch_s epoch_us
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count >= 3, let microseconds = Double(fields[2]) { latencies.append(microseconds / 1000) }
            }
        }
        return LoadGenerator.Result(
            concurrency: concurrency, seconds: Double(seconds), requests: latencies.count,
            requestsPerSecond: Double(latencies.count) / Double(seconds), latencyMilliseconds: Distribution(latencies),
            errors: 0, statuses: [:])
    }
}
