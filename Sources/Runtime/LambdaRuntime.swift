import Logging
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a function under the Lambda Runtime API: initialise once, then serve invocations one
/// at a time until Lambda stops the process.
///
/// Everything (the loop, the handler, and the I/O it starts on ``LambdaContext/eventLoop``)
/// runs on a single event-loop thread. A failure during initialisation is reported to
/// `/runtime/init/error` and the process exits with status 1, as it does when the Runtime API
/// cannot be reached: Lambda then starts a fresh environment. Stopping cancels the background
/// services, and the process exits within ``stopGracePeriod`` even if one of them does not end.
public enum LambdaRuntime {
    /// How long cancelled background services have to end once the invocation loop stopped:
    /// enough for a database pool to close its connections, and a bound on a service that
    /// ignores cancellation, which would otherwise keep a dead environment alive.
    static let stopGracePeriod = TimeAmount.seconds(1)

    /// Serves a handler of raw bytes; `makeHandler` is the function's initialisation.
    public static func run<Handler: ByteLambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never {
        let logger = bootstrapLogging()
        let runtimeAPI = LambdaEnvironment.variable("AWS_LAMBDA_RUNTIME_API")
        // The main thread becomes the event loop: no thread to start, none to wait on.
        MultiThreadedEventLoopGroup.withCurrentThreadAsEventLoop { eventLoop in
            Task(executorPreference: EventLoopTaskExecutor(eventLoop: eventLoop)) {
                // Should a background service outlive the grace period, the process ends anyway.
                let status = await serve(
                    makeHandler: makeHandler, runtimeAPI: runtimeAPI, eventLoop: eventLoop, logger: logger,
                    stopping: { status in eventLoop.scheduleTask(in: stopGracePeriod) { exit(status) } })
                exit(status)
            }
        }
        exit(1)
    }

    /// Serves a handler of JSON events and results.
    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never {
        run { context in CodableHandlerAdapter(try await makeHandler(context)) }
    }

    /// Initialises and serves the Runtime API at `runtimeAPI` (`AWS_LAMBDA_RUNTIME_API`'s value)
    /// until the loop must stop, then cancels the background services and waits for them to
    /// end; returns the process's exit status.
    ///
    /// - Parameter stopping: called with the exit status once the loop stopped, before the
    ///   wait for the services.
    static func serve<Handler: ByteLambdaHandler>(
        makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler,
        runtimeAPI: String?,
        eventLoop: any EventLoop,
        logger: Logger,
        stopping: (Int32) -> Void = { _ in }
    ) async -> Int32 {
        let (services, servicesContinuation) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
        return await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                defer { servicesContinuation.finish() }
                return await invocationLoop(
                    makeHandler: makeHandler,
                    runtimeAPI: runtimeAPI,
                    eventLoop: eventLoop,
                    logger: logger,
                    services: servicesContinuation
                )
            }
            for await service in services {
                group.addTask {
                    await service()
                    return nil
                }
            }
            // The stream ends when the invocation loop does; background services never finish
            // on their own, so the loop's status is the first non-nil result.
            while let result = await group.next() {
                if let status = result {
                    stopping(status)
                    // A task group waits for its children when its body returns but does not
                    // cancel them: services that run until cancelled would keep it open for ever.
                    group.cancelAll()
                    return status
                }
            }
            return 1
        }
    }

    private static func invocationLoop<Handler: ByteLambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler,
        runtimeAPI endpointValue: String?,
        eventLoop: any EventLoop,
        logger: Logger,
        services: AsyncStream<@Sendable () async -> Void>.Continuation
    ) async -> Int32 {
        guard let endpointValue else {
            logger.critical("AWS_LAMBDA_RUNTIME_API is not set: this program runs under AWS Lambda or an emulator")
            return 1
        }
        guard let endpoint = RuntimeAPIEndpoint(endpointValue) else {
            logger.critical("\(RuntimeError.invalidEndpoint(endpointValue))")
            return 1
        }
        let client = RuntimeAPIClient(endpoint: endpoint, eventLoop: eventLoop)
        let initContext = LambdaInitializationContext(
            logger: logger,
            eventLoop: eventLoop,
            environment: LambdaEnvironment(),
            services: services
        )

        let handler: Handler
        do {
            handler = try await makeHandler(initContext)
        } catch {
            let report = FunctionError(error)
            logger.critical(
                "initialisation failed: \(report.errorMessage)", metadata: ["errorType": "\(report.errorType)"])
            do {
                try await client.reportInitError(report)
            } catch {
                logger.critical("could not report the initialisation error: \(error)")
            }
            return 1
        }

        let traceVariable = InvocationVariable(name: "_X_AMZN_TRACE_ID")
        while true {
            let metadata: InvocationMetadata
            let event: ByteBuffer
            do {
                (metadata, event) = try await client.nextInvocation()
            } catch {
                logger.critical("stopping: \(error)")
                return 1
            }
            traceVariable.set(metadata.traceID)
            let context = LambdaContext(metadata: metadata, logger: logger, eventLoop: eventLoop)
            do {
                let result: ByteBuffer
                do {
                    result = try await handler.handle(event, context: context)
                } catch {
                    let report = FunctionError(error)
                    context.logger.error(
                        "invocation failed: \(report.errorMessage)",
                        metadata: ["errorType": "\(report.errorType)"]
                    )
                    try await client.reportError(requestID: metadata.requestID, report)
                    continue
                }
                try await client.reportResponse(requestID: metadata.requestID, body: result)
            } catch {
                logger.critical("stopping: \(error)")
                return 1
            }
        }
    }

    private static func bootstrapLogging() -> Logger {
        let format = LambdaLogFormat(environmentValue: LambdaEnvironment.variable("AWS_LAMBDA_LOG_FORMAT"))
        let level =
            LambdaEnvironment.variable("AWS_LAMBDA_LOG_LEVEL").flatMap(Logger.Level.init(lambdaLogLevel:)) ?? .info
        LoggingSystem.bootstrap { label in LambdaLogHandler(label: label, format: format, level: level) }
        return Logger(label: "runtime")
    }
}
