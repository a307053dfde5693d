import ArgumentParser
import Foundation
import Runtime
import TestSupport

/// Part 4: the market data path through the packaged functions, each on the driver's Runtime
/// API: `Ingest` throughput with many active alerts, `GET /api/candles` at every kind of
/// interval over years of minutes, and the bytes a stored minute costs.
struct MarketDataBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketdata", abstract: "Ingest throughput, candle reads and storage per minute.")

    @Option(help: "The folder of packaged functions (<Name>/bootstrap).")
    var lambdaDirectory: String

    @Option(help: "Environment of the functions, as NAME=value (DATABASE_URL, JWT_SECRET, BCRYPT_COST...).")
    var env: [String] = []

    @Option(help: "The functions' database, for setting up alerts and reading table sizes with psql.")
    var databaseURL: String

    @Option(help: "Symbols in each ingestion event.")
    var symbols = 100

    @Option(help: "Active alerts spread over those symbols.")
    var alerts = 100_000

    @Option(help: "1,000-candle events timed for throughput.")
    var events = 30

    @Option(help: "Years of 1-minute history of one symbol for the reads.")
    var years = 2.0

    @Option(help: "Reads timed at each interval.")
    var reads = 200

    @OptionGroup var figuresFile: FiguresFile

    @OptionGroup var logs: ProcessLogs

    struct Figures: Codable {
        var symbols: Int
        var activeAlerts: Int
        var ingestEventMilliseconds: Distribution?
        var ingestCandlesPerSecond: Double
        var alertsFired: Int
        var historyMinutes: Int
        var historyLoadSeconds: Double
        var historyCandlesPerSecond: Double
        var readMilliseconds: [String: Distribution] = [:]
        var readBuckets: [String: Int] = [:]
        var storageBytes: Int
        var storedRows: [String: Int]
        var bytesPerStoredMinute: Double
    }

    static let readIntervals = ["1m", "1h", "1d", "1w", "1M"]
    static let historySymbol = "BENCH:HISTORY"

    func run() throws {
        var extra: [String: String] = [:]
        for pair in env {
            guard let equals = pair.firstIndex(of: "=") else { throw ValidationError("expected NAME=value: \(pair)") }
            extra[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let listener = try WireListener()
        func launch(_ name: String) throws -> LaunchedFunction {
            var environment = lambdaEnvironment(functionName: name, extra: extra)
            environment["LAMBDA_TASK_ROOT"] = "\(lambdaDirectory)/\(name)"
            return try LaunchedFunction(
                executable: "\(lambdaDirectory)/\(name)/bootstrap", environment: environment, listener: listener,
                logPath: logs.path("marketdata-\(name)"))
        }
        let migrate = try launch("Migrate")
        _ = try migrate.invoke(Array("{}".utf8))
        migrate.process.stop()
        try psql(Self.alertsSQL(count: alerts, symbols: symbols))

        print("== Market data: Ingest with \(alerts) active alerts over \(symbols) symbols; reads over \(years) years")
        let ingest = try launch("Ingest")
        defer { ingest.process.stop() }
        // Minutes from a day ago on: inside every check, and after the alerts were armed.
        let now = Int64(Date().timeIntervalSince1970)
        var walk = PriceWalk(symbols: (0..<symbols).map { "BENCH:S\($0)" }, seed: 7)
        var durations: [Double] = []
        let firstMinute = now - now % 60 - 86_400
        // One untimed event first: the cold connection and the first statements' plans.
        let minutesPerEvent = max(1, 1000 / symbols)
        for event in 0...events {
            let body = walk.event(
                startingAt: firstMinute + Int64(event * minutesPerEvent) * 60, minutes: minutesPerEvent)
            let response = try ingest.invoke(body)
            try Self.expectAccepted(response, count: minutesPerEvent * symbols)
            if event > 0 { durations.append(Double(response.nanoseconds) / 1e6) }
        }
        let fired = Int(try psql("SELECT count(*) FROM alerts WHERE status = 'triggered'")) ?? 0
        let perEvent = Distribution(durations)
        let candlesPerSecond = Double(minutesPerEvent * symbols * durations.count) / (durations.reduce(0, +) / 1000)

        // The history: one symbol, minute after minute, years back from an hour ago.
        let historyMinutes = Int(years * 525_600)
        var history = PriceWalk(symbols: [Self.historySymbol], seed: 11)
        let historyEnd = now - now % 60 - 3600
        let historyStart = historyEnd - Int64(historyMinutes) * 60
        let loadStart = monotonicNanoseconds()
        var minute = historyStart
        while minute < historyEnd {
            let count = Int(min(1000, (historyEnd - minute) / 60))
            let response = try ingest.invoke(history.event(startingAt: minute, minutes: count))
            try Self.expectAccepted(response, count: count)
            minute += Int64(count) * 60
        }
        let loadSeconds = Double(monotonicNanoseconds() - loadStart) / 1e9

        let token = try signIn(launch)
        let candles = try launch("Candles")
        defer { candles.process.stop() }
        var figures = Figures(
            symbols: symbols, activeAlerts: alerts, ingestEventMilliseconds: perEvent,
            ingestCandlesPerSecond: candlesPerSecond, alertsFired: fired, historyMinutes: historyMinutes,
            historyLoadSeconds: loadSeconds, historyCandlesPerSecond: Double(historyMinutes) / loadSeconds,
            storageBytes: 0, storedRows: [:], bytesPerStoredMinute: 0)
        var random = SystemRandomNumberGenerator()
        for interval in Self.readIntervals {
            var times: [Double] = []
            for index in 0...reads {
                // Ends spread over the history, so that the reads do not all hit the same pages.
                let end = Int64.random(in: historyStart...historyEnd, using: &random)
                let to = UTCTimestamp.format(seconds: Int(index % 2 == 0 ? historyEnd + 60 : end), milliseconds: 0)
                let event = TestEvent(
                    "GET", "/api/candles",
                    query: ["symbol": Self.historySymbol, "interval": interval, "limit": "500", "to": to]
                ).bearer(token).bytes
                let response = try candles.invoke(event)
                let answer = try TestResponse(payload: response.body)
                guard answer.status == 200 else { throw BenchError("GET /api/candles \(interval): \(answer.status)") }
                if index == 0 {
                    figures.readBuckets[interval] = (answer.json["candles"] as? [Any])?.count ?? 0
                } else {
                    times.append(Double(response.nanoseconds) / 1e6)
                }
            }
            figures.readMilliseconds[interval] = Distribution(times)
        }

        figures.storageBytes = Int(try psql("SELECT pg_total_relation_size('candles')")) ?? 0
        for line in try psql(#"SELECT "interval" || '=' || count(*) FROM candles GROUP BY "interval""#).split(
            separator: "\n")
        {
            let parts = line.split(separator: "=")
            if parts.count == 2 { figures.storedRows[String(parts[0])] = Int(parts[1]) ?? 0 }
        }
        figures.bytesPerStoredMinute = Double(figures.storageBytes) / Double(max(1, figures.storedRows["1m"] ?? 0))
        try figuresFile.write(figures)
        printFigures(figures)
    }

    private func printFigures(_ figures: Figures) {
        let ingest = figures.ingestEventMilliseconds
        print(
            "ingest: \(events) events of 1,000 candles: p50 \(formatted(ingest?.median)) ms, p99 "
                + "\(formatted(ingest?.p99)) ms; \(formatted(figures.ingestCandlesPerSecond, digits: 0)) candles/s; "
                + "\(figures.alertsFired) alerts fired")
        print(
            "  target >= 10,000 candles/s: "
                + (figures.ingestCandlesPerSecond >= 10_000
                    ? "met" : "MISSED (\(formatted(figures.ingestCandlesPerSecond / 100, digits: 0))% of it)"))
        print(
            "history: \(figures.historyMinutes) minutes of one symbol in \(formatted(figures.historyLoadSeconds)) s "
                + "(\(formatted(figures.historyCandlesPerSecond, digits: 0)) candles/s)")
        print(
            row(["GET /api/candles", "buckets", "p50 ms", "p95 ms", "p99 ms", "target"], widths: [18, 8, 8, 8, 8, 8]))
        for interval in Self.readIntervals {
            let times = figures.readMilliseconds[interval]
            let met = (times?.median ?? .infinity) < 10 && (times?.p99 ?? .infinity) < 30
            print(
                row(
                    [
                        "interval=\(interval)", String(figures.readBuckets[interval] ?? 0),
                        formatted(times?.median, digits: 2), formatted(times?.p95, digits: 2),
                        formatted(times?.p99, digits: 2), met ? "met" : "MISSED",
                    ], widths: [18, 8, 8, 8, 8, 8]))
        }
        let rows = figures.storedRows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print(
            "storage: \(formatted(Double(figures.storageBytes) / 1_048_576)) MiB for "
                + "\(figures.storedRows.values.reduce(0, +)) rows (\(rows.joined(separator: ", "))): "
                + "\(formatted(figures.bytesPerStoredMinute, digits: 0)) bytes per stored minute, rollups and indexes included"
        )
    }

    /// A user's access token, through the CreateUser and Login functions.
    private func signIn(_ launch: (String) throws -> LaunchedFunction) throws -> String {
        let body = #"{"email":"bench-candles@example.com","password":"bench-password-Kx7!q2"}"#
        for name in ["CreateUser", "Login"] {
            let function = try launch(name)
            defer { function.process.stop() }
            let path = name == "Login" ? "/api/login" : "/api/users"
            let answer = try TestResponse(payload: try function.invoke(TestEvent("POST", path, body: body).bytes).body)
            if let token = answer.json["access_token"] as? String { return token }
        }
        throw BenchError("could not sign in through CreateUser and Login")
    }

    private static func expectAccepted(_ response: (nanoseconds: UInt64, isError: Bool, body: [UInt8]), count: Int)
        throws
    {
        let report = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard !response.isError, report?["accepted"] as? Int == count else {
            throw BenchError("Ingest did not accept every candle: \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    /// 200 users with `count` active alerts among them, armed long ago, half above and half
    /// below the walks' start at 100, spread from 0.05 to 50 away from it.
    static func alertsSQL(count: Int, symbols: Int) -> String {
        """
        INSERT INTO users (id, email, password_hash, display_name)
        SELECT gen_random_uuid(), 'bench-alerts-' || i || '@example.com',
            '$2b$04$0123456789012345678901uBenchBenchBenchBenchBenchBenchBen', 'Bench'
        FROM generate_series(0, 199) AS i;
        INSERT INTO alerts (id, user_id, symbol, condition, price, armed_at)
        SELECT gen_random_uuid(), owner.id, 'BENCH:S' || (n % \(symbols)),
            CASE WHEN n % 2 = 0 THEN 'above' ELSE 'below' END,
            CASE WHEN n % 2 = 0 THEN 100 + (1 + n % 1000) * 0.05 ELSE 100 - (1 + n % 1000) * 0.05 END,
            timestamptz '2000-01-01'
        FROM generate_series(0, \(count - 1)) AS n
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE email LIKE 'bench-alerts-%') AS owner
            ON owner.k = n % 200;
        ANALYZE alerts;
        """
    }

    /// Runs SQL through psql on the functions' database and returns what it printed, trimmed.
    @discardableResult
    private func psql(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql, databaseURL]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("psql failed: \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
