import ArgumentParser
import Foundation

/// Part 1: what our runtime costs a function, as ratios to a bare socket loop doing the same work.
struct RuntimeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime", abstract: "Cold start, warm throughput and memory of the runtime against its floor.")

    @Option(help: "The echo function on our runtime (RuntimeFixture, run with FIXTURE_MODE=bytes).")
    var ours: String

    @Option(help: "The floor: SocketFloor, a bare blocking-socket Runtime API client.")
    var floor: String

    @Option(help: "Cold starts per program.")
    var spawns = 30

    @Option(help: "Sequential warm invocations per program.")
    var invocations = 20_000

    @OptionGroup var figuresFile: FiguresFile

    @OptionGroup var logs: ProcessLogs

    struct Figures: Codable {
        var name: String
        var coldStartMilliseconds: Distribution?
        var firstResponseMilliseconds: Distribution?
        var invocationsPerSecond: Double
        var roundTripMicroseconds: Distribution?
        var peakRSSKiB: Int?
        var threads: Int?
        /// The driver's own CPU time per invocation while serving this program.
        var harnessCPUMicrosecondsPerInvocation: Double
        var binaryBytes: Int?
    }

    struct Output: Codable {
        var ours: Figures
        var floor: Figures
        /// The driver against an in-process client that does nothing: the harness's own ceiling.
        var harnessAlone: Figures
        var event: String
    }

    /// A small API-Gateway-sized JSON event; both programs echo it back unchanged.
    static let event = Array(
        #"{"bench":"echo","id":"0f8fad5b-d9cb-469f-a165-70867728950e","values":[1,2,3,5,8,13,21]}"#.utf8)

    func run() throws {
        let listener = try WireListener()
        let subjects = [
            ("ours", ours, lambdaEnvironment(functionName: "echo", extra: ["FIXTURE_MODE": "bytes"])),
            ("floor", floor, lambdaEnvironment(functionName: "floor", extra: [:])),
        ]
        var cold: [String: [Double]] = [:]
        var first: [String: [Double]] = [:]
        // Alternating the two programs spreads any drift in the machine's state over both alike.
        for _ in 0..<spawns {
            for (name, executable, environment) in subjects {
                let function = try LaunchedFunction(
                    executable: executable, environment: environment, listener: listener,
                    logPath: logs.path("runtime-\(name)"))
                _ = try function.invoke(Self.event)
                function.process.stop()
                cold[name, default: []].append(Double(function.coldStartNanoseconds) / 1e6)
                first[name, default: []].append(Double(function.firstResponseNanoseconds ?? 0) / 1e6)
            }
        }
        var figures: [String: Figures] = [:]
        for (name, executable, environment) in subjects {
            let function = try LaunchedFunction(
                executable: executable, environment: environment, listener: listener,
                logPath: logs.path("runtime-\(name)"))
            var warm = try warmRun(invocations) { try function.invoke(Self.event).nanoseconds }
            let status = function.process.memoryAndThreads()
            function.process.stop()
            warm.name = name
            warm.coldStartMilliseconds = Distribution(cold[name] ?? [])
            warm.firstResponseMilliseconds = Distribution(first[name] ?? [])
            warm.peakRSSKiB = status?.peakRSSKiB
            warm.threads = status?.threads
            warm.binaryBytes = fileSize(executable)
            figures[name] = warm
        }
        let output = Output(
            ours: figures["ours"]!, floor: figures["floor"]!, harnessAlone: try harnessAlone(listener),
            event: String(decoding: Self.event, as: UTF8.self))
        try figuresFile.write(output)
        printTable(output)
    }

    /// Serves `count` invocations and measures rate, round trips and the driver's own CPU time.
    private func warmRun(_ count: Int, invoke: () throws -> UInt64) throws -> Figures {
        var roundTrips: [Double] = []
        roundTrips.reserveCapacity(count)
        let cpuStart = threadCPUNanoseconds()
        let start = monotonicNanoseconds()
        for _ in 0..<count {
            roundTrips.append(Double(try invoke()) / 1000)
        }
        let elapsed = Double(monotonicNanoseconds() - start) / 1e9
        let cpu = Double(threadCPUNanoseconds() - cpuStart) / 1000
        return Figures(
            name: "", invocationsPerSecond: Double(count) / elapsed, roundTripMicroseconds: Distribution(roundTrips),
            harnessCPUMicrosecondsPerInvocation: cpu / Double(count))
    }

    /// The driver's server against a client thread in this process that does no work at all:
    /// if this rate is far above the floor's, the driver is not what limits the figures above.
    private func harnessAlone(_ listener: WireListener) throws -> Figures {
        let port = listener.port
        let count = invocations
        let client = Thread {
            guard let connection = try? WireConnection.connect(port: port) else { return }
            let next = Array("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nhost: bench\r\n\r\n".utf8)
            while (try? connection.write(next)) != nil, let event = try? connection.readMessage() {
                let id = event.header("lambda-runtime-aws-request-id") ?? ""
                var response = Array(
                    "POST /2018-06-01/runtime/invocation/\(id)/response HTTP/1.1\r\nhost: bench\r\ncontent-length: \(event.body.count)\r\n\r\n"
                        .utf8)
                response.append(contentsOf: event.body)
                guard (try? connection.write(response)) != nil, (try? connection.readMessage()) != nil else { return }
            }
        }
        client.start()
        let server = RuntimeAPIServer(try listener.accept(timeoutMilliseconds: 5000))
        try server.awaitNext()
        var figures = try warmRun(count) {
            let start = monotonicNanoseconds()
            try server.sendEvent(Self.event)
            _ = try server.awaitResponse()
            let end = monotonicNanoseconds()
            try server.awaitNext()
            return end - start
        }
        figures.name = "harness alone"
        return figures
    }

    private func printTable(_ output: Output) {
        let table = TextTable(["figure": 26, "ours": 14, "floor": 14, "ours/floor": 10])
        print(
            "== Runtime overhead: echo function on our runtime vs the socket floor (\(spawns) cold starts, \(invocations) warm invocations)"
        )
        table.printHeader()
        let ours = output.ours
        let floor = output.floor
        func line(_ label: String, _ a: Double?, _ b: Double?, digits: Int = 2) {
            table.printRow([label, formatted(a, digits: digits), formatted(b, digits: digits), ratio(a, b)])
        }
        line("cold start median (ms)", ours.coldStartMilliseconds?.median, floor.coldStartMilliseconds?.median)
        line("cold start min (ms)", ours.coldStartMilliseconds?.min, floor.coldStartMilliseconds?.min)
        line("cold start max (ms)", ours.coldStartMilliseconds?.max, floor.coldStartMilliseconds?.max)
        line(
            "first response median (ms)", ours.firstResponseMilliseconds?.median,
            floor.firstResponseMilliseconds?.median)
        line("invocations/s", ours.invocationsPerSecond, floor.invocationsPerSecond, digits: 0)
        line("round trip p50 (µs)", ours.roundTripMicroseconds?.median, floor.roundTripMicroseconds?.median, digits: 1)
        line("round trip p99 (µs)", ours.roundTripMicroseconds?.p99, floor.roundTripMicroseconds?.p99, digits: 1)
        line("peak RSS (MiB)", ours.peakRSSKiB.map { Double($0) / 1024 }, floor.peakRSSKiB.map { Double($0) / 1024 })
        line("threads", ours.threads.map(Double.init), floor.threads.map(Double.init), digits: 0)
        line(
            "stripped binary (MiB)", ours.binaryBytes.map { Double($0) / 1_048_576 },
            floor.binaryBytes.map { Double($0) / 1_048_576 })
        line(
            "harness CPU/invocation (µs)", ours.harnessCPUMicrosecondsPerInvocation,
            floor.harnessCPUMicrosecondsPerInvocation)
        let alone = output.harnessAlone
        print(
            "harness alone (no-op in-process client): \(formatted(alone.invocationsPerSecond, digits: 0)) invocations/s, "
                + "p50 \(formatted(alone.roundTripMicroseconds?.median)) µs, "
                + "\(formatted(alone.harnessCPUMicrosecondsPerInvocation)) µs of harness CPU per invocation")
        print(
            "targets: cold start <= 1.40x floor: \(verdict(ours.coldStartMilliseconds?.median, floor.coldStartMilliseconds?.median) { $0 <= 1.4 }); "
                + "throughput >= 0.75x floor: \(verdict(ours.invocationsPerSecond, floor.invocationsPerSecond) { $0 >= 0.75 }); "
                + "peak RSS < 10 MB: \(ours.peakRSSKiB.map { Double($0) * 1024 < 10_000_000 ? "met" : "MISSED" } ?? "-")"
        )
    }

    private func verdict(_ ours: Double?, _ floor: Double?, _ isMet: (Double) -> Bool) -> String {
        guard let ours, let floor, floor > 0 else { return "-" }
        return isMet(ours / floor) ? "met" : "MISSED"
    }
}

/// A file's size in bytes, or nil when it is not there.
func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
}
