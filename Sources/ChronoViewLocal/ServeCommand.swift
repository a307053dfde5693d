import ArgumentParser
import Foundation
import LocalHarness
import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `chronoview-local serve`: the whole API on this machine, as `sam local start-api` runs it:
/// the routes of the SAM template in front of the functions, each in real execution environments;
/// and beside it Lambda's Invoke API over the same functions, as `sam local start-lambda` runs it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API of the template, and Lambda's Invoke API, on this machine.",
        discussion: """
            Reads the functions and routes from the SAM template, applies the database migrations \
            (the Migrate function), and answers requests as API Gateway would, invoking each \
            function's executable under the local Lambda service. The functions get DATABASE_URL, \
            JWT_SECRET and BCRYPT_COST from this program's environment (or --database-url), then \
            the overrides of --env-file. The same functions answer Lambda's Invoke API on \
            --lambda-port, by name, logical id or ARN (aws lambda invoke --endpoint-url \
            http://127.0.0.1:3001 --function-name Health out.json); X-Amz-Log-Type Tail gets no \
            X-Amz-Log-Result there, the functions' output being on standard error. Ctrl-C stops \
            both servers and every function process. A WebSocket API of the template is served \
            on --websocket-port, its @connections API beside it; the functions that declare \
            WEBSOCKET_MANAGEMENT_ENDPOINT get that port's URL. Every function gets \
            AWS_ENDPOINT_URL_LAMBDA (the local Invoke API) and fixed local AWS credentials.
            """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 3000

    @Option(help: "The port of Lambda's Invoke API (0 picks a free one).")
    var lambdaPort: Int = 3001

    @Option(help: "The port of the template's WebSocket API and its @connections API (0 picks a free one).")
    var websocketPort: Int = 3002

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The SAM template that declares the functions and their routes.")
    var template: String = "template.yaml"

    @Option(
        name: [.customLong("env-file"), .customLong("env-vars")],
        help: ArgumentHelp(
            "Environment overrides, as `sam local start-api --env-vars` takes them.", valueName: "json-file"))
    var envFile: String?

    @Option(help: "The database of the functions (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "The folder of the function executables (default: this program's folder).")
    var buildPath: String?

    @Option(help: "How many execution environments each function may run at once.")
    var maxEnvironments: Int = 4

    @Option(help: "The folder of the built app, served at / beside /api as the template's CloudFront serves it.")
    var app: String?

    @Option(help: "The document served at GET /api/openapi.yaml (default: openapi.yaml beside the template).")
    var openapi: String?

    @Flag(help: "Feed simulated prices (a random walk, not market data) through the Ingest function.")
    var simulatedFeed = false

    @Option(help: ArgumentHelp("The symbols of --simulated-feed, comma-separated.", valueName: "symbols"))
    var simulatedSymbols = "SIM:BTCUSD,SIM:ETHUSD,SIM:AAPL"

    @Option(help: "Seconds between two ticks of --simulated-feed.")
    var simulatedTick: Double = 2

    @Flag(
        inversion: .prefixedNo,
        help: "Answer 429 over the template's DefaultRouteSettings throttling, as API Gateway does.")
    var throttling = true

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard (0...65535).contains(lambdaPort) else {
            throw ValidationError("--lambda-port must be between 0 and 65535.")
        }
        guard (0...65535).contains(websocketPort) else {
            throw ValidationError("--websocket-port must be between 0 and 65535.")
        }
        let fixedPorts = [port, lambdaPort, websocketPort].filter { $0 != 0 }
        guard Set(fixedPorts).count == fixedPorts.count else {
            throw ValidationError("--port, --lambda-port and --websocket-port must differ.")
        }
        guard maxEnvironments >= 1 else { throw ValidationError("--max-environments must be at least 1.") }
        guard simulatedTick >= 0.1 else { throw ValidationError("--simulated-tick must be at least 0.1 seconds.") }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:/_-")
        guard !feedSymbols.isEmpty,
            feedSymbols.allSatisfy({ (1...32).contains($0.count) && $0.allSatisfy(allowed.contains) })
        else {
            throw ValidationError("--simulated-symbols takes symbols of 1 to 32 characters from A-Z 0-9 . : / _ -")
        }
    }

    /// The symbols of the simulated feed, upper-cased as the API stores them.
    private var feedSymbols: [String] {
        simulatedSymbols.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in StandardErrorLogHandler(label: label) }
        let logger = Logger(label: "chronoview-local")
        let templatePath = BuildFolder.absolutePath(template)
        let api: ServerlessTemplate
        do {
            api = try ServerlessTemplate(contentsOfFile: templatePath)
        } catch {
            throw ValidationError("\(error)")
        }
        for warning in api.warnings { logger.warning("\(warning)") }

        // Bound before the functions start: their WEBSOCKET_MANAGEMENT_ENDPOINT names its port.
        var webSocketServer: WebSocketAPIServer?
        if api.webSocketAPI != nil {
            webSocketServer = try await WebSocketAPIServer.bind(host: host, port: websocketPort)
        }
        // Known before the functions start too: AWS_ENDPOINT_URL_LAMBDA names it.
        let invokePort = lambdaPort == 0 ? try await UnusedPort.find() : lambdaPort
        let definitions = try functionDefinitions(
            for: api, managementEndpoint: webSocketServer.map { ServeBanner.url(host: host, port: $0.port) },
            lambdaEndpoint: ServeBanner.url(host: host, port: invokePort), logger: logger)
        let documentPath =
            openapi.map(BuildFolder.absolutePath)
            ?? URL(fileURLWithPath: templatePath).deletingLastPathComponent().appendingPathComponent("openapi.yaml")
            .path
        var lambdaLogger = Logger(label: "chronoview.local-lambda")
        // Each request has its own line; the REPORT lines would only repeat them.
        lambdaLogger.logLevel = .warning
        try await withLocalLambda(functions: definitions, logger: lambdaLogger, outputHandler: Self.printFunctionOutput)
        {
            lambda in
            try await migrate(with: lambda, api: api, definitions: definitions, logger: logger)
            let printEntry: @Sendable (RequestLogEntry) -> Void = { entry in Self.printLine(entry.description, to: 1) }
            let gateway = HTTPAPIGateway(
                routes: api.routes,
                cors: api.cors,
                throttle: throttling ? api.routeThrottling.map(RouteThrottle.init) : nil,
                invoker: lambda,
                openAPIDocumentPath: documentPath,
                log: printEntry
            )
            let site = appFolder(logger: logger).map {
                StaticSite(root: $0, webSocketPort: webSocketServer?.port)
            }
            let httpAPI = HTTPAPIServer(gateway: gateway, site: site, host: host, port: port)
            let invokeAPI = InvokeAPIServer(
                service: InvokeAPIService(functions: api.functions, invoker: lambda, log: printEntry),
                host: host,
                port: invokePort
            )
            let banner = ServeBanner(
                host: host, api: api, documentPath: documentPath, webSocketPort: webSocketServer?.port,
                servesApp: site != nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await httpAPI.run { await banner.httpAPIListens(on: $0) } }
                group.addTask { try await invokeAPI.run { await banner.invokeAPIListens(on: $0) } }
                if let webSocketServer, let webSocketAPI = api.webSocketAPI {
                    let gateway = WebSocketGateway(api: webSocketAPI, invoker: lambda) { entry in
                        Self.printLine(entry.description, to: 1)
                    }
                    group.addTask { try await webSocketServer.run(gateway) }
                }
                if simulatedFeed {
                    let feed = SimulatedFeed(
                        symbols: feedSymbols, tick: .milliseconds(Int(simulatedTick * 1000)), invoker: lambda)
                    Self.printLine(
                        "Simulated feed (a random walk, not market data) for \(feed.symbols.joined(separator: ", ")), "
                            + "through Ingest every \(simulatedTick) s", to: 2)
                    group.addTask {
                        await feed.run { Self.printLine($0, to: 2) }
                        // Cancelled with the rest: it never ends the server on its own.
                        try await Task.sleep(for: .seconds(Int.max))
                    }
                }
                group.addTask {
                    if let signal = await Self.shutdownSignal() {
                        Self.printLine("\(signal): stopping.", to: 2)
                    }
                }
                // A signal, or a server failing (its port taken, say): either way everything stops.
                try await group.next()
                group.cancelAll()
            }
        }
        Self.printLine("Stopped: the function processes are gone and the port is free.", to: 2)
    }

    /// The folder of `--app`, absolute; `nil`, with a warning, when it holds no built app.
    private func appFolder(logger: Logger) -> String? {
        guard let app else { return nil }
        let folder = BuildFolder.absolutePath(app)
        guard FileManager.default.fileExists(atPath: folder + "/index.html") else {
            logger.warning("No index.html in \(folder): the app is not served.")
            return nil
        }
        return folder
    }

    /// The template's functions as the local Lambda service runs them, with the local settings.
    private func functionDefinitions(
        for api: ServerlessTemplate, managementEndpoint: String?, lambdaEndpoint: String, logger: Logger
    ) throws -> [FunctionDefinition] {
        let environment = ProcessInfo.processInfo.environment
        // A function that invokes another (Ingest hands realtime messages to Push) does it
        // through the local Invoke API, as the AWS SDKs would with this variable.
        var local: [String: String] = ["AWS_ENDPOINT_URL_LAMBDA": lambdaEndpoint]
        if let url = databaseURL ?? environment["DATABASE_URL"] {
            local["DATABASE_URL"] = url
        } else {
            logger.warning("No --database-url or DATABASE_URL: the functions keep the template's database settings.")
        }
        for name in ["JWT_SECRET", "BCRYPT_COST"] {
            if let value = environment[name] { local[name] = value }
        }
        let overrides: EnvironmentOverrides
        do {
            overrides =
                try envFile.map { try EnvironmentOverrides(contentsOfFile: BuildFolder.absolutePath($0)) }
                ?? EnvironmentOverrides()
        } catch {
            throw ValidationError("\(error)")
        }
        let settings = LocalFunctionSettings(
            buildPath: buildPath.map(BuildFolder.absolutePath) ?? BuildFolder.ofRunningProgram(),
            localEnvironment: local,
            overrides: overrides,
            maximumEnvironments: maxEnvironments,
            webSocketManagementEndpoint: managementEndpoint
        )
        let definitions = api.functions.map(settings.definition(for:))
        let missing = definitions.filter { !FileManager.default.isExecutableFile(atPath: $0.executablePath) }
        if !missing.isEmpty {
            logger.warning(
                "Not built, so their routes will answer 502: \(missing.map(\.executablePath).joined(separator: ", "))")
        }
        return definitions
    }

    /// Applies the migrations before the first request, as the deployment's custom resource does
    /// before the functions get traffic.
    private func migrate(
        with lambda: LocalLambda, api: ServerlessTemplate, definitions: [FunctionDefinition], logger: Logger
    ) async throws {
        guard let migrate = definitions.first(where: { $0.name == "Migrate" }),
            FileManager.default.isExecutableFile(atPath: migrate.executablePath)
        else {
            logger.warning("No Migrate function is built: the database is used as it is.")
            return
        }
        let result = try await lambda.invoke(migrate.name, payload: ByteBuffer(string: "{}"))
        if let errorType = result.errorType {
            let payload = String(buffer: result.payload)
            throw ValidationError("The migrations failed (\(errorType)): \(payload)")
        }
        Self.printLine("Migrations applied.", to: 2)
    }

    /// Waits for SIGINT or SIGTERM and names it; `nil` when the waiting task is cancelled first.
    private static func shutdownSignal() async -> String? {
        let (signals, continuation) = AsyncStream.makeStream(of: String.self)
        let sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            // Dispatch delivers the signal once its default action (ending the process) is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(name) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        var iterator = signals.makeAsyncIterator()
        return await iterator.next()
    }

    /// A function's output, named after it, on standard error: standard output is for requests.
    @Sendable private static func printFunctionOutput(_ line: FunctionOutputLine) {
        printLine("  [\(line.functionName)] \(line.text)", to: 2)
    }

    /// Writes a whole line at once, unbuffered, so lines from concurrent requests never interleave.
    static func printLine(_ text: String, to descriptor: Int32) {
        let handle = descriptor == 1 ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data((text + "\n").utf8))
    }
}
