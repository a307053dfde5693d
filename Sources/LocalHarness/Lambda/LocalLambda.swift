import Logging
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The Lambda service on a developer's machine: runs each function's executable as real
/// execution environments (child processes speaking the Runtime API 2018-06-01), one
/// invocation at a time per environment, with Lambda's behaviour on faults.
///
/// - Overlapping invocations get more environments, up to the function's
///   ``FunctionDefinition/maximumEnvironments``; further ones wait in a queue. Warm
///   environments are reused, the most recently used first.
/// - A timeout kills the environment and ends the invocation with `Sandbox.Timedout`; a process
///   that exits ends it with `Runtime.ExitError`; an initialisation error is the invocation's
///   error. The environment is then discarded and the next invocation gets a fresh one.
/// - Payloads over ``PayloadLimit/bytes`` are refused (`RequestEntityTooLarge`) before anything
///   runs; responses over it fail the invocation (`Function.ResponseSizeTooLarge`).
/// - Each invocation's `REPORT` line is logged; each line the functions write goes to the
///   output handler.
///
/// Environments die with the harness even if it is killed. Prefer ``withLocalLambda(functions:configuration:logger:outputHandler:isolation:_:)``,
/// which shuts the service down when its body ends; otherwise call ``shutdown()``.
public final class LocalLambda: FunctionInvoker {
    private let pools: [String: FunctionPool]
    private let server: RuntimeAPIServer
    private let group: MultiThreadedEventLoopGroup
    private let configuration: Configuration
    private let logger: Logger
    private let outputHandler: @Sendable (FunctionOutputLine) -> Void
    private let isShutDown = Mutex(false)

    /// Starts the Runtime API server; environments start on demand, at the first invocations.
    ///
    /// - Parameters:
    ///   - functions: the functions it serves, by name.
    ///   - logger: receives `REPORT` lines, and the functions' output unless `outputHandler` is given.
    ///   - outputHandler: receives every line the functions' processes write, in place of the logger.
    public init(
        functions: [FunctionDefinition],
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "chronoview.local-lambda"),
        outputHandler: (@Sendable (FunctionOutputLine) -> Void)? = nil
    ) async throws {
        // The shared group's threads live as long as the process: children spawned from them are
        // killed (PR_SET_PDEATHSIG) only when the harness itself dies.
        group = MultiThreadedEventLoopGroup.singleton
        server = try await RuntimeAPIServer.start(group: group)
        var pools: [String: FunctionPool] = [:]
        for function in functions { pools[function.name] = FunctionPool(definition: function) }
        self.pools = pools
        self.configuration = configuration
        self.logger = logger
        self.outputHandler =
            outputHandler ?? { line in
                logger.info("[\(line.functionName)] \(line.text)")
            }
    }

    deinit {
        // Not shut down: kill what is left rather than leave processes behind.
        for pool in pools.values {
            for environment in pool.shutDown() { environment.kill() }
        }
        server.closeNow()
    }

    /// The port of the Runtime API server on 127.0.0.1.
    public var runtimeAPIPort: Int { server.port }

    /// Counters of a function's environments, or `nil` for an unknown function.
    public func statistics(for function: String) -> FunctionStatistics? {
        pools[function]?.statistics
    }

    /// Invokes `function` with `payload` and waits for the outcome, as Lambda's synchronous
    /// `Invoke` does.
    ///
    /// - Throws: ``LocalLambdaError`` for an unknown function or a service shut down,
    ///   ``SpawnError`` when the executable cannot be started, `CancellationError` when the
    ///   calling task is cancelled (the environment serving it is then killed).
    public func invoke(_ function: String, payload: ByteBuffer) async throws -> InvocationResult {
        guard let pool = pools[function] else { throw LocalLambdaError.unknownFunction(function) }
        let definition = pool.definition
        let requestID = RandomIdentifiers.requestID()
        guard payload.readableBytes <= PayloadLimit.bytes else {
            return InvocationResult(
                outcome: .functionError(
                    errorType: "RequestEntityTooLarge",
                    payload: LambdaErrorPayload(
                        errorType: "RequestEntityTooLarge",
                        errorMessage: "Request payload size (\(payload.readableBytes) bytes) exceeded maximum allowed "
                            + "payload size (\(PayloadLimit.bytes) bytes)."
                    ).json
                ),
                report: InvocationReport(
                    requestID: requestID,
                    functionName: function,
                    duration: .zero,
                    initDuration: nil,
                    maxMemoryUsedMB: 0,
                    memorySizeMB: definition.memorySizeMB
                )
            )
        }
        let request = InvocationRequest(
            requestID: requestID,
            payload: payload,
            invokedFunctionARN:
                "arn:aws:lambda:\(configuration.region):\(configuration.accountID):function:\(function)",
            traceID: RandomIdentifiers.traceHeader(epochSeconds: WallClock.milliseconds() / 1000),
            timeout: definition.timeout
        )
        while true {
            let environment: ExecutionEnvironment
            let isColdStart: Bool
            switch try await pool.acquire() {
            case .warm(let warm):
                environment = warm
                isColdStart = false
            case .cold:
                do {
                    environment = try await startEnvironment(for: pool)
                } catch {
                    pool.spawnFailed()
                    throw error
                }
                isColdStart = true
            }
            guard let completed = await environment.invoke(request) else {
                // It died while idle, before taking the invocation: Lambda would use another.
                await retire(environment, from: pool)
                continue
            }
            let memory: Int
            if completed.outcome.leavesEnvironmentReusable {
                memory = environment.peakMemoryMB()
                pool.release(environment)
            } else {
                // Waits for the process to be reaped, so the figure is the kernel's final one.
                await retire(environment, from: pool)
                memory = environment.peakMemoryMB()
            }
            let report = InvocationReport(
                requestID: requestID,
                functionName: function,
                duration: completed.duration,
                initDuration: isColdStart ? environment.initDuration : nil,
                maxMemoryUsedMB: memory,
                memorySizeMB: definition.memorySizeMB
            )
            logger.info("\(report.logLine)", metadata: ["function": "\(function)"])
            return InvocationResult(outcome: try outcome(of: completed.outcome, request: request), report: report)
        }
    }

    /// Kills every environment, waits until their processes are gone, and stops the server.
    /// Invocations still running end with ``LocalLambdaError/shutDown``.
    public func shutdown() async {
        isShutDown.withLock { $0 = true }
        let environments = pools.values.flatMap { $0.shutDown() }
        await withDiscardingTaskGroup { group in
            for environment in environments {
                group.addTask { [server] in
                    server.registry.remove(environment)
                    await environment.terminate()
                }
            }
        }
        await server.close()
    }

    // MARK: Environments

    private func startEnvironment(for pool: FunctionPool) async throws -> ExecutionEnvironment {
        if isShutDown.withLock({ $0 }) { throw LocalLambdaError.shutDown }
        let definition = pool.definition
        let eventLoop = group.next()
        let environment = ExecutionEnvironment(
            id: "\(definition.name)-\(RandomIdentifiers.hex(byteCount: 8))",
            functionName: definition.name,
            eventLoop: eventLoop,
            initTimeout: configuration.initTimeout
        )
        // Registered before the process starts, so that its first request finds it.
        server.registry.add(environment)
        let variables = StandardEnvironment.variables(
            for: definition,
            runtimeAPI: server.endpoint(forEnvironment: environment.id),
            region: configuration.region,
            logStreamName: StandardEnvironment.logStreamName(epochSeconds: WallClock.milliseconds() / 1000)
        )
        do {
            // Forked from an event-loop thread: see init.
            let (process, pipes) = try await eventLoop.submit {
                try ChildProcess.spawn(
                    executable: definition.executablePath,
                    arguments: definition.arguments,
                    environment: variables,
                    directory: StandardEnvironment.directory(of: definition.executablePath)
                )
            }.get()
            // An environment can die while idle too: its slot must go to the next invocation.
            environment.attach(process) { [server] environment in
                server.registry.remove(environment)
                pool.discard(environment)
            }
            ProcessReaper.shared.watch(process)
            await forwardOutput(of: environment, pipes: pipes, on: eventLoop)
        } catch {
            server.registry.remove(environment)
            await environment.terminate()
            throw error
        }
        guard pool.register(environment) else {
            await retire(environment, from: pool)
            throw LocalLambdaError.shutDown
        }
        return environment
    }

    private func retire(_ environment: ExecutionEnvironment, from pool: FunctionPool) async {
        server.registry.remove(environment)
        await environment.terminate()
        pool.discard(environment)
    }

    private func forwardOutput(
        of environment: ExecutionEnvironment,
        pipes: ChildProcess.Pipes,
        on eventLoop: any EventLoop
    ) async {
        let streams: [(Int32, FunctionOutputLine.Stream)] = [
            (pipes.standardOutput, .standardOutput), (pipes.standardError, .standardError),
        ]
        for (descriptor, stream) in streams {
            let handler = outputHandler
            let functionName = environment.functionName
            let environmentID = environment.id
            let onLine: @Sendable (String) -> Void = { text in
                handler(
                    FunctionOutputLine(
                        functionName: functionName, environmentID: environmentID, stream: stream, text: text)
                )
            }
            do {
                _ = try await NIOPipeBootstrap(group: eventLoop)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(OutputLineSplitter(onLine: onLine))
                        }
                    }
                    .takingOwnershipOfDescriptor(input: descriptor)
                    .get()
            } catch {
                // The output is lost, not the invocation: the descriptor is still ours to close.
                logger.warning("cannot read the output of \(environmentID): \(error)")
                close(descriptor)
            }
        }
    }

    // MARK: Outcomes

    /// Words an outcome as Lambda's `Invoke` would.
    private func outcome(of outcome: EnvironmentOutcome, request: InvocationRequest) throws -> InvocationResult.Outcome
    {
        func lambdaError(_ type: String, _ message: String) -> InvocationResult.Outcome {
            .functionError(errorType: type, payload: LambdaErrorPayload(errorType: type, errorMessage: message).json)
        }
        let requestID = request.requestID
        switch outcome {
        case .response(let payload):
            return .success(payload)
        case .functionError(let errorType, let payload), .initError(let errorType, let payload):
            return .functionError(errorType: errorType, payload: payload)
        case .responseTooLarge(let bytes):
            return lambdaError(
                "Function.ResponseSizeTooLarge",
                "Response payload size (\(bytes) bytes) exceeded maximum allowed payload size (\(PayloadLimit.bytes) bytes)."
            )
        case .exited(let status, _):
            return lambdaError(
                "Runtime.ExitError", "RequestId: \(requestID) Error: Runtime exited with error: \(status)")
        case .timedOut:
            return lambdaError(
                "Sandbox.Timedout",
                "RequestId: \(requestID) Error: Task timed out after \(Self.seconds(request.timeout)) seconds"
            )
        case .initTimedOut(let limit):
            return lambdaError(
                "Sandbox.Timedout",
                "RequestId: \(requestID) Error: Init phase timed out after \(Self.seconds(limit)) seconds"
            )
        case .cancelled:
            throw CancellationError()
        case .shutDown:
            throw LocalLambdaError.shutDown
        }
    }

    /// Seconds with two decimals, as in `Task timed out after 3.00 seconds`.
    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100 + (attoseconds + 5_000_000_000_000_000) / 10_000_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }
}
