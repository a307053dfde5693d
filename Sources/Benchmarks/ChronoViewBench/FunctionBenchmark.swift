import ArgumentParser
import Foundation
import TestSupport

/// Part 2: each real function as Lambda would run its package: size, cold start, warm request, memory.
struct FunctionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions", abstract: "Package size, cold start, warm duration and memory of each function.")

    @Option(help: "The folder of packaged functions (<Name>/bootstrap and <Name>.zip).")
    var lambdaDirectory: String

    @Option(help: "Environment of the functions, as NAME=value (DATABASE_URL, JWT_SECRET, BCRYPT_COST...).")
    var env: [String] = []

    @Option(help: "Cold starts per function.")
    var spawns = 10

    @Option(help: "Seconds of warm requests per function (fewer for bcrypt-bound ones).")
    var warmSeconds = 2.0

    @Option(help: "At most this many warm requests per function.")
    var warmMax = 2000

    @OptionGroup var figuresFile: FiguresFile

    @OptionGroup var logs: ProcessLogs

    struct Figures: Codable {
        var name: String
        var request: String?
        var zipBytes: Int?
        var binaryBytes: Int?
        var coldStartMilliseconds: Distribution?
        var firstResponseMilliseconds: Distribution?
        var warmMilliseconds: Distribution?
        /// HTTP status codes (or `error`) of every response, to show a request did what it should.
        var statuses: [String: Int] = [:]
        var peakRSSKiB: Int?
        var threads: Int?
        var note: String?
    }

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: lambdaDirectory).filter {
            FileManager.default.isExecutableFile(atPath: "\(lambdaDirectory)/\($0)/bootstrap")
        }
        var extra: [String: String] = [:]
        for pair in env {
            guard let equals = pair.firstIndex(of: "=") else { throw ValidationError("expected NAME=value: \(pair)") }
            extra[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let listener = try WireListener()
        let state = AccountState()
        var results: [Figures] = []
        printHeader()
        for name in FunctionScenario.order(names) {
            var figures = Figures(name: name)
            figures.zipBytes = fileSize("\(lambdaDirectory)/\(name).zip")
            figures.binaryBytes = fileSize("\(lambdaDirectory)/\(name)/bootstrap")
            do {
                try measure(name, extra: extra, listener: listener, state: state, into: &figures)
            } catch {
                figures.note = "\(error)"
            }
            printRow(figures)
            results.append(figures)
        }
        try figuresFile.write(results)
        let over = results.filter { ($0.zipBytes ?? 0) > 10 * 1_048_576 }
        print(
            over.isEmpty
                ? "target: every zip <= 10 MiB: met"
                : "target: every zip <= 10 MiB: MISSED by \(over.map { "\($0.name) (\(formatted(Double($0.zipBytes!) / 1_048_576)) MiB)" }.joined(separator: ", "))"
        )
    }

    private func measure(
        _ name: String, extra: [String: String], listener: WireListener, state: AccountState,
        into figures: inout Figures
    ) throws {
        let executable = "\(lambdaDirectory)/\(name)/bootstrap"
        let environment = lambdaEnvironment(functionName: name, extra: extra)
        let logPath = logs.path("function-\(name)")
        let scenario = FunctionScenario.forFunction(name)
        figures.request = scenario?.label
        if scenario == nil { figures.note = "no typical request known: cold start to GET /next only" }
        func record(_ response: (nanoseconds: UInt64, isError: Bool, body: [UInt8])) {
            let answer = try? TestResponse(payload: response.body)
            state.observe(answer?.json)
            let key = response.isError ? "error" : answer.map { String($0.status) } ?? "raw"
            figures.statuses[key, default: 0] += 1
        }
        // The function's own directory is its working directory on Lambda (LAMBDA_TASK_ROOT).
        var environment2 = environment
        environment2["LAMBDA_TASK_ROOT"] = "\(lambdaDirectory)/\(name)"
        var cold: [Double] = []
        var first: [Double] = []
        // bcrypt-bound functions spend a quarter second per request by design: fewer samples.
        let spawnCount = scenario?.isSlowByDesign == true ? max(3, spawns / 2) : spawns
        for _ in 0..<spawnCount {
            let function = try LaunchedFunction(
                executable: executable, environment: environment2, listener: listener, logPath: logPath)
            if let scenario {
                record(try function.invoke(scenario.makeEvent(state)))
                first.append(Double(function.firstResponseNanoseconds ?? 0) / 1e6)
            }
            function.process.stop()
            cold.append(Double(function.coldStartNanoseconds) / 1e6)
        }
        figures.coldStartMilliseconds = Distribution(cold)
        figures.firstResponseMilliseconds = Distribution(first)

        let function = try LaunchedFunction(
            executable: executable, environment: environment2, listener: listener, logPath: logPath)
        defer { function.process.stop() }
        if let scenario {
            // The first request warms the connection and caches; it is the cold figure, not a warm one.
            record(try function.invoke(scenario.makeEvent(state)))
            var warm: [Double] = []
            let limit = scenario.isSlowByDesign ? min(warmMax, 10) : warmMax
            let deadline = monotonicNanoseconds() + UInt64(warmSeconds * 1e9)
            while warm.count < limit && monotonicNanoseconds() < deadline {
                let response = try function.invoke(scenario.makeEvent(state))
                record(response)
                warm.append(Double(response.nanoseconds) / 1e6)
            }
            figures.warmMilliseconds = Distribution(warm)
        }
        let status = function.process.memoryAndThreads()
        figures.peakRSSKiB = status?.peakRSSKiB
        figures.threads = status?.threads
    }

    private static let table = TextTable([
        "function": 11, "request": 26, "zip MiB": 7, "bin MiB": 7, "cold ms": 8, "1st ms": 8, "warm p50": 8,
        "warm p99": 8, "RSS MiB": 7, "thr": 4, "statuses": 14,
    ])

    private func printHeader() {
        print("== Functions: packaged as deployed (stripped bootstrap), each with its database and typical request")
        Self.table.printHeader()
    }

    private func printRow(_ figures: Figures) {
        let mib = { (bytes: Int?) in bytes.map { Double($0) / 1_048_576 } }
        Self.table.printRow([
            figures.name, figures.request ?? "-", formatted(mib(figures.zipBytes)),
            formatted(mib(figures.binaryBytes)), formatted(figures.coldStartMilliseconds?.median),
            formatted(figures.firstResponseMilliseconds?.median),
            formatted(figures.warmMilliseconds?.median, digits: 2),
            formatted(figures.warmMilliseconds?.p99, digits: 2),
            formatted(figures.peakRSSKiB.map { Double($0) / 1024 }),
            figures.threads.map(String.init) ?? "-",
            figures.statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "),
        ])
        if let note = figures.note { print("  \(figures.name): \(note)") }
    }
}
