/// A function process connected to the driver's Runtime API, waiting for its first event.
final class LaunchedFunction {
    let process: ChildProcess
    let server: RuntimeAPIServer
    /// From spawn to the first `GET /runtime/invocation/next`: what Lambda bills as init.
    let coldStartNanoseconds: UInt64
    private let spawnedAt: UInt64
    private var invoked = false
    /// From spawn to the first response: init plus the first request (and its connection set-up).
    private(set) var firstResponseNanoseconds: UInt64?

    init(executable: String, environment: [String: String], listener: WireListener, logPath: String) throws {
        var environment = environment
        environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:\(listener.port)"
        spawnedAt = monotonicNanoseconds()
        process = try ChildProcess(executable: executable, environment: environment, logPath: logPath)
        do {
            server = RuntimeAPIServer(try listener.accept(timeoutMilliseconds: 20_000))
            try server.awaitNext()
        } catch {
            process.stop()
            throw BenchError("\(executable) did not ask for an invocation (\(error)); see \(logPath)")
        }
        coldStartNanoseconds = monotonicNanoseconds() - spawnedAt
    }

    /// Runs one invocation; returns its round trip (event handed over to response received).
    func invoke(_ event: [UInt8]) throws -> (nanoseconds: UInt64, isError: Bool, body: [UInt8]) {
        let start = monotonicNanoseconds()
        try server.sendEvent(event)
        let (isError, body) = try server.awaitResponse()
        let end = monotonicNanoseconds()
        if !invoked {
            invoked = true
            firstResponseNanoseconds = end - spawnedAt
        }
        // The function's next `GET /next` is part of its per-invocation cost, not of the round trip.
        try server.awaitNext()
        return (end - start, isError, body)
    }
}

/// The environment Lambda gives a provided.al2023 function, less what only AWS can provide.
func lambdaEnvironment(functionName: String, extra: [String: String]) -> [String: String] {
    var environment = [
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "AWS_LAMBDA_FUNCTION_NAME": functionName,
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
        "AWS_REGION": "us-east-1",
        "AWS_LAMBDA_LOG_FORMAT": "Text",
        "AWS_LAMBDA_LOG_LEVEL": "WARN",
    ]
    environment.merge(extra) { $1 }
    return environment
}
