import Foundation
import Synchronization

/// A closed-loop HTTP/1.1 load: `concurrency` keep-alive connections, each sending its next
/// request as soon as the last one is answered, for a fixed time.
///
/// One blocking thread per connection: at these concurrencies that is as cheap as an event loop,
/// and each thread's own latency list needs no locking.
struct LoadGenerator {
    var port: UInt16
    var concurrency: Int
    var seconds: Double
    /// The request bytes for the `index`th request of connection `connection`.
    var makeRequest: @Sendable (_ connection: Int, _ index: Int) -> [UInt8]

    struct Result: Codable, Sendable {
        var concurrency: Int
        var seconds: Double
        var requests: Int
        var requestsPerSecond: Double
        var latencyMilliseconds: Distribution?
        /// Responses outside 2xx, plus connections that failed mid-request.
        var errors: Int
        var statuses: [String: Int]
    }

    private struct Worker: Sendable {
        var latencies: [Double] = []
        var statuses: [String: Int] = [:]
        var errors = 0
    }

    private final class Collected: Sendable {
        let workers = Mutex<[Worker]>([])
    }

    func run() -> Result {
        let collected = Collected()
        let port = port
        let makeRequest = makeRequest
        let deadline = monotonicNanoseconds() + UInt64(seconds * 1e9)
        let start = monotonicNanoseconds()
        let threads = (0..<concurrency).map { connectionIndex in
            Thread {
                var worker = Worker()
                var connection: WireConnection?
                var index = 0
                while monotonicNanoseconds() < deadline {
                    do {
                        if connection == nil {
                            connection = try WireConnection.connect(port: port)
                            connection?.setReadTimeout(seconds: 30)
                        }
                        let request = makeRequest(connectionIndex, index)
                        index += 1
                        let sent = monotonicNanoseconds()
                        try connection!.write(request)
                        let response = try connection!.readMessage()
                        worker.latencies.append(Double(monotonicNanoseconds() - sent) / 1e6)
                        worker.statuses[String(response.statusCode), default: 0] += 1
                        if !(200..<300).contains(response.statusCode) { worker.errors += 1 }
                        if response.header("connection")?.lowercased() == "close" { connection = nil }
                    } catch {
                        worker.errors += 1
                        worker.statuses["connection error", default: 0] += 1
                        connection = nil
                        usleep(10_000)
                    }
                }
                collected.workers.withLock { $0.append(worker) }
            }
        }
        threads.forEach { $0.start() }
        while collected.workers.withLock({ $0.count }) < concurrency { usleep(5_000) }
        let elapsed = Double(monotonicNanoseconds() - start) / 1e9
        let workers = collected.workers.withLock { $0 }
        let latencies = workers.flatMap(\.latencies)
        var statuses: [String: Int] = [:]
        for worker in workers { statuses.merge(worker.statuses, uniquingKeysWith: +) }
        return Result(
            concurrency: concurrency, seconds: elapsed, requests: latencies.count,
            requestsPerSecond: Double(latencies.count) / elapsed, latencyMilliseconds: Distribution(latencies),
            errors: workers.reduce(0) { $0 + $1.errors }, statuses: statuses)
    }
}

/// One HTTP/1.1 request as bytes; `headers` are added as given (e.g. `if-match`).
func httpRequest(
    method: String, target: String, port: UInt16, token: String? = nil, body: String? = nil,
    headers: [(name: String, value: String)] = []
) -> [UInt8] {
    var text =
        "\(method) \(target) HTTP/1.1\r\nhost: 127.0.0.1:\(port)\r\nuser-agent: chronoview-bench\r\naccept: application/json\r\n"
    if let token { text += "authorization: Bearer \(token)\r\n" }
    for header in headers { text += "\(header.name): \(header.value)\r\n" }
    if let body {
        text += "content-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)"
    } else {
        text += "\r\n"
    }
    return Array(text.utf8)
}
