import AsyncHTTPClient
import Foundation
import LocalHarness
import Logging
import NIOCore
import NIOHTTP1

/// The emulator as `chronoview-local serve` runs it, on a free port: a template's routes in
/// front of real function processes under the local Lambda service.
struct RunningAPI: Sendable {
    let baseURL: String
    let port: Int
    let lambda: LocalLambda
    let client: HTTPClient
    let log: LogCollector

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let quiet = Logger(label: "tests") { _ in SwiftLogNoOpLogHandler() }

    /// Starts everything, runs `body`, and stops everything (function processes included).
    static func run<Result>(
        template yaml: String,
        buildPath: String,
        localEnvironment: [String: String] = [:],
        maximumEnvironments: Int = 4,
        _ body: (RunningAPI) async throws -> Result
    ) async throws -> Result {
        let template = try ServerlessTemplate(yaml: yaml)
        let settings = LocalFunctionSettings(
            buildPath: buildPath, localEnvironment: localEnvironment, maximumEnvironments: maximumEnvironments)
        let log = LogCollector()
        return try await withLocalLambda(
            functions: template.functions.map(settings.definition(for:)), logger: quiet, outputHandler: { _ in }
        ) { lambda in
            let gateway = HTTPAPIGateway(
                routes: template.routes, cors: template.cors,
                throttle: template.routeThrottling.map(RouteThrottle.init), invoker: lambda,
                log: { log.record($0) })
            let server = HTTPAPIServer(gateway: gateway, host: "127.0.0.1", port: 0)
            return try await serve(server.run, lambda: lambda, log: log, body)
        }
    }

    /// Runs a server on `lambda` (its `run(onListening:)`, on port 0) until `body`, handed a
    /// client of the port the server reports, ends; then stops the server and the client.
    static func serve<Result>(
        _ run: @escaping @Sendable (_ onListening: @Sendable (Int) async -> Void) async throws -> Void,
        lambda: LocalLambda,
        log: LogCollector,
        _ body: (RunningAPI) async throws -> Result
    ) async throws -> Result {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await run { portContinuation.yield($0) }
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let api = RunningAPI(
                baseURL: "http://127.0.0.1:\(port)", port: port, lambda: lambda, client: client, log: log)
            do {
                let result = try await body(api)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// Sends a request; `headers` may repeat a name.
    func send(
        _ method: HTTPMethod, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + target)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 32 * 1024 * 1024)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }
}
