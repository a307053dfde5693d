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
/// cannot be reached: Lambda then starts a fresh environment.
public enum LambdaRuntime {
    /// Serves a handler of raw bytes; `makeHandler` is the function's initialisation.
    public static func run<Handler: ByteLambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        let exitStatus = eventLoop.makePromise(of: Int32.self)
        Task(executorPreference: EventLoopTaskExecutor(eventLoop: eventLoop)) {
            await serve(makeHandler: makeHandler, eventLoop: eventLoop, exitStatus: exitStatus)
        }
        let status = (try? exitStatus.futureResult.wait()) ?? 1
        exit(status)
    }

    /// Serves a handler of JSON events and results.
    public static func run<Handler: LambdaHandler>(
        _ makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler
    ) -> Never {
        run { context in CodableHandlerAdapter(try await makeHandler(context)) }
    }

    /// Serves a closure of JSON events and results that needs no initialisation.
    public static func run<Event: Decodable & Sendable, Output: Encodable & Sendable>(
        _ body: @escaping @Sendable (Event, LambdaContext) async throws -> Output
    ) -> Never {
        run { _ in ClosureHandler(body) }
    }

    private static func serve<Handler: ByteLambdaHandler>(
        makeHandler: @escaping @Sendable (LambdaInitializationContext) async throws -> Handler,
        eventLoop: any EventLoop,
        exitStatus: EventLoopPromise<Int32>
    ) async {
        let logger = bootstrapLogging()
        let (services, servicesContinuation) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
        await withDiscardingTaskGroup { group in
            group.addTask {
                defer { servicesContinuation.finish() }
                let status = await invocationLoop(
                    makeHandler: makeHandler,
                    eventLoop: eventLoop,
                    logger: logger,
                    services: servicesContinuation
                )
                exitStatus.succeed(status)
            }
            for await service in services {
                group.addTask { await service() }
            }
        }
    }

    private static func invocationLoop<Handler: ByteLambdaHandler>(
        makeHandler: @Sendable (LambdaInitializationContext) async throws -> Handler,
        eventLoop: any EventLoop,
        logger: Logger,
        services: AsyncStream<@Sendable () async -> Void>.Continuation
    ) async -> Int32 {
        guard let endpointValue = LambdaEnvironment.variable("AWS_LAMBDA_RUNTIME_API") else {
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

        while true {
            let metadata: InvocationMetadata
            let event: ByteBuffer
            do {
                (metadata, event) = try await client.nextInvocation()
            } catch {
                logger.critical("stopping: \(error)")
                return 1
            }
            LambdaEnvironment.set("_X_AMZN_TRACE_ID", to: metadata.traceID)
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
