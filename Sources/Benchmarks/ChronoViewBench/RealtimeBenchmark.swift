import ArgumentParser
import Foundation
import Glibc
import LambdaEvents
import LocalHarness
import Logging
import NIOCore
import Runtime
import TestSupport

/// Part 5: the realtime API's push path as the local API runs it. The template's functions
/// (packaged) under the local Lambda service, with the local Invoke API (through which `Ingest`
/// hands its messages to `Push`) and the local WebSocket API (whose `@connections` `Push` posts
/// to) in this process, as `chronoview-local serve` wires them: the time from the end of an
/// ingestion to each subscriber's receipt of its candle, and the memory an open connection costs.
struct RealtimeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "realtime", abstract: "Push latency to WebSocket subscribers, and memory per connection.")

    @Option(help: "The folder of packaged functions (<Name>/bootstrap).")
    var lambdaDirectory: String

    @Option(help: "The SAM template that declares the functions and the WebSocket API.")
    var template: String

    @Option(help: "Environment of the functions, as NAME=value (DATABASE_URL, JWT_SECRET, BCRYPT_COST...).")
    var env: [String] = []

    @Option(help: "Subscribed connections to measure with, in increasing order; the last is also how many are opened.")
    var subscribers: [Int] = [1, 100, 1000]

    @Option(help: "Timed ingestions at each number of subscribers, in the same order.")
    var rounds: [Int] = [300, 200, 50]

    @Option(help: "Seconds to wait for every subscriber's candle before counting the rest as missed.")
    var roundTimeout = 10.0

    @OptionGroup var figuresFile: FiguresFile

    @OptionGroup var logs: ProcessLogs

    struct Stage: Codable {
        var subscribers: Int
        var rounds: Int
        /// The `Ingest` invocation, hand-off to `Push` included.
        var ingestMilliseconds: Distribution?
        /// From the `Ingest` invocation's return to the first subscriber's receipt, per round.
        var firstReceiptMilliseconds: Distribution?
        /// From the `Ingest` invocation's return to the last subscriber's receipt, per round
        /// that every subscriber received.
        var lastReceiptMilliseconds: Distribution?
        /// Candles that had not arrived within the round's timeout.
        var missedReceipts: Int
    }

    struct Figures: Codable {
        var stages: [Stage]
        /// `Push`'s `PUSH_CONCURRENCY`, as the template sets it (`nil`: its default, 100).
        var pushConcurrency: String?
        var openConnections: Int
        /// This process's VmRSS before the connections opened, and with all of them open and idle.
        var residentKiBBefore: Int
        var residentKiBWithConnections: Int
        /// The difference over the connections: the emulator's side of each and the client's.
        var bytesPerOpenConnection: Double
    }

    /// The symbol subscribed to: a run's own, so that the connections an earlier run left in the
    /// database (stopping it cuts their `$disconnect` short) get none of its candles.
    static let symbol = "BENCH:RT-" + UUID().uuidString.prefix(8)
    /// Connections opened, or subscribed, at once.
    static let connectionBatch = 50

    func validate() throws {
        guard !subscribers.isEmpty, subscribers.count == rounds.count else {
            throw ValidationError("give as many --rounds as --subscribers")
        }
        guard subscribers.first! >= 1, zip(subscribers, subscribers.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ValidationError("--subscribers must be at least 1 and increasing")
        }
        guard rounds.allSatisfy({ $0 >= 1 }) else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() async throws {
        var extra: [String: String] = [:]
        for pair in env {
            guard let equals = pair.firstIndex(of: "=") else { throw ValidationError("expected NAME=value: \(pair)") }
            extra[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let api = try ServerlessTemplate(contentsOfFile: template)
        guard let webSocketAPI = api.webSocketAPI else { throw BenchError("\(template) declares no WebSocket API") }
        Self.raiseOpenFileLimit()

        // As `chronoview-local serve` does: the WebSocket API bound and the Invoke API's port
        // known before the functions start, their environment naming both.
        let webSocketServer = try await WebSocketAPIServer.bind(host: "127.0.0.1", port: 0)
        let invokePort = try await UnusedPort.find()
        extra["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:\(invokePort)"
        let settings = LocalFunctionSettings(
            buildPath: lambdaDirectory, localEnvironment: extra,
            webSocketManagementEndpoint: "http://127.0.0.1:\(webSocketServer.port)")
        let definitions = api.functions.map { function in
            var definition = settings.definition(for: function)
            definition.executablePath += "/bootstrap"
            return definition
        }
        let pushConcurrency = definitions.first { $0.name == "Push" }?.environment["PUSH_CONCURRENCY"]

        let functionLog = logs.path("realtime-functions")
        guard FileManager.default.createFile(atPath: functionLog, contents: nil),
            let output = FileHandle(forWritingAtPath: functionLog)
        else {
            throw BenchError("cannot write \(functionLog)")
        }
        defer { try? output.close() }
        var lambdaLogger = Logger(label: "chronoview.local-lambda") { StreamLogHandler.standardError(label: $0) }
        lambdaLogger.logLevel = .warning

        print(
            "== Realtime: Ingest to \(subscribers.map(String.init).joined(separator: ", ")) subscribers through the "
                + "local WebSocket API (PUSH_CONCURRENCY \(pushConcurrency ?? "default")), "
                + "\(subscribers.last!) connections open")
        let figures = try await withLocalLambda(
            functions: definitions, logger: lambdaLogger,
            outputHandler: { line in output.write(Data("[\(line.functionName)] \(line.text)\n".utf8)) }
        ) { lambda in
            try await Self.expectSuccess(lambda.invoke("Migrate", payload: ByteBuffer(string: "{}")), of: "Migrate")
            let token = try await Self.signIn(lambda)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                let (listening, ready) = AsyncStream.makeStream(of: Int.self)
                let invokeAPI = InvokeAPIServer(
                    service: InvokeAPIService(functions: api.functions, invoker: lambda), host: "127.0.0.1",
                    port: invokePort)
                group.addTask {
                    defer { ready.finish() }
                    try await invokeAPI.run { ready.yield($0) }
                }
                let gateway = WebSocketGateway(api: webSocketAPI, invoker: lambda)
                group.addTask { try await webSocketServer.run(gateway) }
                // The servers run until the measurement is done, or has failed.
                defer { group.cancelAll() }
                var ports = listening.makeAsyncIterator()
                guard await ports.next() != nil else { throw BenchError("the local Invoke API did not start") }
                return try await measure(
                    lambda, port: webSocketServer.port, token: token, pushConcurrency: pushConcurrency)
            }
        }
        try figuresFile.write(figures)
        printFigures(figures)
    }

    /// Opens the connections, then at each number of subscribers subscribes that many and times
    /// the rounds, each preceded by an untimed one (the environments' cold starts).
    private func measure(_ lambda: LocalLambda, port: Int, token: String, pushConcurrency: String?) async throws
        -> Figures
    {
        let receipts = CandleReceipts()
        let count = subscribers.last!
        let before = SoakSampler.residentKiB(of: getpid()) ?? 0
        let connections = try await Self.inBatches(0..<count) { _ in
            try await RealtimeSubscriber.connect(port: port, token: token, receipts: receipts)
        }
        let after = SoakSampler.residentKiB(of: getpid()) ?? 0
        var figures = Figures(
            stages: [], pushConcurrency: pushConcurrency, openConnections: connections.count,
            residentKiBBefore: before, residentKiBWithConnections: after,
            bytesPerOpenConnection: Double(after - before) * 1024 / Double(connections.count))

        let now = Int(Date().timeIntervalSince1970)
        let minute = UTCTimestamp.format(seconds: now - now % 60, milliseconds: 0)
        var round = 0
        var subscribed = 0
        Self.table.printHeader()
        for (level, timed) in zip(subscribers, rounds) {
            _ = try await Self.inBatches(connections[subscribed..<level]) { try await $0.subscribe(to: Self.symbol) }
            subscribed = level
            var stage = Stage(subscribers: level, rounds: timed, missedReceipts: 0)
            var ingest: [Double] = []
            var first: [Double] = []
            var last: [Double] = []
            for index in 0...timed {
                round += 1
                let candle = IngestMessage.Candle(
                    symbol: Self.symbol, t: minute, o: "1000", h: CandleReceipts.close(ofRound: round), l: "1000",
                    c: CandleReceipts.close(ofRound: round), v: "1")
                let body = try JSONEncoder().encode(IngestMessage(candles: [candle]))
                let start = monotonicNanoseconds()
                let result = try await lambda.invoke("Ingest", payload: ByteBuffer(bytes: body))
                let end = monotonicNanoseconds()
                try Self.expectSuccess(result, of: "Ingest")
                let deadline = end + UInt64(roundTimeout * 1e9)
                while receipts[round].count < level, monotonicNanoseconds() < deadline {
                    try await Task.sleep(for: .milliseconds(1))
                }
                guard index > 0 else { continue }
                let received = receipts[round]
                ingest.append(Double(end - start) / 1e6)
                // Signed: with few subscribers, Push may deliver before Ingest's answer is back.
                if received.count > 0 { first.append(Double(Int64(received.first) - Int64(end)) / 1e6) }
                if received.count == level {
                    last.append(Double(Int64(received.last) - Int64(end)) / 1e6)
                } else {
                    stage.missedReceipts += level - received.count
                }
            }
            stage.ingestMilliseconds = Distribution(ingest)
            stage.firstReceiptMilliseconds = Distribution(first)
            stage.lastReceiptMilliseconds = Distribution(last)
            Self.printRow(stage)
            figures.stages.append(stage)
        }
        return figures
    }

    private static let table = TextTable([
        "subscribers": 11, "rounds": 7, "ingest p50": 11, "first p50": 10, "last p50": 9, "last p99": 9,
        "last max": 9, "missed": 7,
    ])

    private static func printRow(_ stage: Stage) {
        table.printRow([
            String(stage.subscribers), String(stage.rounds), formatted(stage.ingestMilliseconds?.median, digits: 2),
            formatted(stage.firstReceiptMilliseconds?.median, digits: 2),
            formatted(stage.lastReceiptMilliseconds?.median, digits: 2),
            formatted(stage.lastReceiptMilliseconds?.p99, digits: 2),
            formatted(stage.lastReceiptMilliseconds?.max, digits: 2), String(stage.missedReceipts),
        ])
    }

    private func printFigures(_ figures: Figures) {
        print(
            "  ms; first and last: from the return of the Ingest invocation, which has by then handed its messages "
                + "to Push (an Event invocation through the local Invoke API), to a subscriber's receipt")
        if let largest = figures.stages.last, largest.subscribers >= 1000 {
            let p99 = largest.lastReceiptMilliseconds?.p99
            let met = (p99 ?? .infinity) < 250 && largest.missedReceipts == 0
            print(
                "target: last receipt p99 < 250 ms for \(largest.subscribers) subscribers: \(met ? "met" : "MISSED") "
                    + "(p99 \(formatted(p99)) ms, \(largest.missedReceipts) missed)")
        }
        print(
            "memory: \(formatted(figures.bytesPerOpenConnection / 1024)) KiB per open connection "
                + "(VmRSS \(formatted(Double(figures.residentKiBBefore) / 1024)) MiB before, "
                + "\(formatted(Double(figures.residentKiBWithConnections) / 1024)) MiB with "
                + "\(figures.openConnections) open and idle; both ends of each connection, the emulator's and "
                + "this benchmark's client, are in this process)")
    }

    /// `body` for each of `items`, at most ``connectionBatch`` at once; the results in order.
    private static func inBatches<Items: Collection, Result: Sendable>(
        _ items: Items, _ body: @escaping @Sendable (Items.Element) async throws -> Result
    ) async throws -> [Result] where Items.Element: Sendable {
        var results: [Result] = []
        var pending = items[...]
        while !pending.isEmpty {
            let batch = pending.prefix(connectionBatch)
            pending = pending.dropFirst(batch.count)
            results += try await withThrowingTaskGroup(of: (Int, Result).self) { group in
                for (offset, item) in batch.enumerated() { group.addTask { (offset, try await body(item)) } }
                var done: [(Int, Result)] = []
                for try await result in group { done.append(result) }
                return done.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
        return results
    }

    /// A user's access token, through the CreateUser and Login functions.
    private static func signIn(_ lambda: LocalLambda) async throws -> String {
        let body = #"{"email":"bench-realtime@example.com","password":"bench-password-Kx7!q2"}"#
        _ = try await lambda.respond("CreateUser", to: TestEvent("POST", "/api/users", body: body))
        let login = try await lambda.respond("Login", to: TestEvent("POST", "/api/login", body: body))
        guard let token = login.json["access_token"] as? String else {
            throw BenchError("could not sign in through CreateUser and Login (\(login.status))")
        }
        return token
    }

    private static func expectSuccess(_ result: InvocationResult, of function: String) throws {
        if let errorType = result.errorType {
            throw BenchError("\(function) failed (\(errorType)): \(String(buffer: result.payload))")
        }
    }

    /// Lifts this process's soft limit on open files to the hard one: both ends of every
    /// connection are here, which the usual soft limit of 1,024 cannot hold.
    private static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    }
}
