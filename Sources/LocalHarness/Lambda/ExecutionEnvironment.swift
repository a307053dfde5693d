import NIOCore
import NIOHTTP1
import Synchronization

/// One execution environment: a process running the function's runtime, served by the Runtime
/// API under its own path prefix, handling one invocation at a time.
final class ExecutionEnvironment: Sendable {
    /// The path prefix of its Runtime API; unique for the life of the harness.
    let id: String
    let functionName: String
    private let eventLoop: any EventLoop
    private let state: Mutex<ExecutionEnvironmentState>
    private let process = Mutex<ChildProcess?>(nil)

    /// - Parameter initTimeout: how long the runtime may take to ask for its first invocation.
    init(id: String, functionName: String, eventLoop: any EventLoop, initTimeout: Duration) {
        self.id = id
        self.functionName = functionName
        self.eventLoop = eventLoop
        self.state = Mutex(ExecutionEnvironmentState(startedAt: .now))
        let timer = eventLoop.scheduleTask(in: TimeAmount(initTimeout)) { [self] in
            perform(state.withLock { $0.initTimedOut(after: initTimeout) })
        }
        if let unneeded = state.withLock({ $0.initTimerStarted(timer) }) { unneeded.cancel() }
    }

    /// Ties the environment to its process once started; the process's exit ends the environment,
    /// and then `onExit` runs (on the reaper's thread), whether an invocation was running or not.
    func attach(_ process: ChildProcess, onExit: @escaping @Sendable (ExecutionEnvironment) -> Void) {
        let killAtOnce = state.withLock { state -> Bool in
            self.process.withLock { $0 = process }
            return state.phase == .terminated
        }
        process.onExit { [self] exit in
            perform(state.withLock { $0.processExited(exit.status, now: .now) })
            onExit(self)
        }
        if killAtOnce { process.kill() }
    }

    var processID: Int32? { process.withLock { $0?.pid } }

    /// Time from start to the first `GET /next`, once there has been one.
    var initDuration: Duration? { state.withLock { $0.initDuration } }

    var isTerminated: Bool { state.withLock { $0.phase == .terminated } }

    /// Runs one invocation. Returns `nil` when the environment turned out to have died while
    /// idle, before taking the invocation: the caller then uses another environment.
    func invoke(_ request: InvocationRequest) async -> CompletedInvocation? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard let effects = state.withLock({ $0.assign(request, continuation: continuation, now: .now) }) else {
                    continuation.resume(returning: nil)
                    return
                }
                perform(effects)
            }
        } onCancel: {
            perform(state.withLock { $0.cancel(requestID: request.requestID) })
        }
    }

    /// Kills the process (if it is still running) and waits until it is gone.
    func terminate() async {
        perform(state.withLock { $0.shutDown() })
        guard let process = process.withLock({ $0 }) else { return }
        process.kill()
        _ = await process.waitForExit()
    }

    /// Peak memory of the process so far, in MB: its `VmHWM` while it runs, what the kernel
    /// reported at its exit once it is gone.
    func peakMemoryMB() -> Int {
        guard let process = process.withLock({ $0 }) else { return 0 }
        if let exit = process.exit { return (exit.peakMemoryKilobytes + 1023) / 1024 }
        // A process that exits between the two reads leaves only its exit report.
        return PeakMemory.megabytes(ofProcess: process.pid) ?? process.exit.map {
            ($0.peakMemoryKilobytes + 1023) / 1024
        }
            ?? 0
    }

    /// Kills the process without waiting, for when the harness cannot wait (its deinit).
    func kill() {
        perform(state.withLock { $0.shutDown() })
        process.withLock { $0 }?.kill()
    }

    // MARK: Runtime API

    /// Handles a runtime's request on the server's event loop; `nil` means the request is held
    /// open (a `GET /next` waiting for an invocation).
    func handle(_ request: RuntimeAPIRequest, parked: ParkedNextRequest) -> RuntimeAPIReply? {
        let now = ContinuousClock.now
        let reply: RuntimeAPIReply?
        let effects: ExecutionEnvironmentState.Effects
        switch request.route {
        case .next:
            (reply, effects) = state.withLock { $0.nextRequested(by: parked, now: now) }
        case .response(let requestID):
            let body = request.body ?? ByteBuffer()
            (reply, effects) = state.withLock {
                $0.answerPosted(
                    requestID: requestID, outcome: { .response(body) }, bodySize: request.bodySize, now: now)
            }
        case .error(let requestID):
            let (errorType, payload) = Self.reportedError(request, defaultType: "Unhandled")
            (reply, effects) = state.withLock {
                $0.answerPosted(
                    requestID: requestID,
                    outcome: { .functionError(errorType: errorType, payload: payload) },
                    bodySize: request.bodySize,
                    now: now
                )
            }
        case .initError:
            let (errorType, payload) = Self.reportedError(request, defaultType: "Runtime.InitError")
            (reply, effects) = state.withLock { $0.initErrorPosted(errorType: errorType, payload: payload, now: now) }
        }
        perform(effects)
        return reply
    }

    func connectionClosed(_ connection: ObjectIdentifier) {
        state.withLock { $0.connectionClosed(connection) }
    }

    /// The error type and document a runtime reported. Lambda takes the type from the
    /// `Lambda-Runtime-Function-Error-Type` header, then from the body; without a body it makes
    /// the document from the header.
    private static func reportedError(_ request: RuntimeAPIRequest, defaultType: String) -> (String, ByteBuffer) {
        let body = request.body ?? ByteBuffer()
        let document = body.readableBytes > 0 ? LambdaErrorPayload(json: body) : nil
        let headerType = request.headers.first(name: "lambda-runtime-function-error-type")
        let errorType = headerType ?? document?.errorType ?? defaultType
        if body.readableBytes > 0 { return (errorType, body) }
        return (errorType, LambdaErrorPayload(errorType: errorType, errorMessage: "").json)
    }

    // MARK: Effects

    private func perform(_ effects: ExecutionEnvironmentState.Effects) {
        for timer in effects.cancelTimers { timer.cancel() }
        if let (parked, reply) = effects.answer {
            // One hop to the connection's loop for both the write and the timer.
            let startTimer = effects.startTimer
            parked.onEventLoop { [self] in
                parked.answer(with: reply)
                if let (requestID, timeout, eventLoop) = startTimer {
                    self.startTimer(requestID: requestID, timeout: timeout, on: eventLoop)
                }
            }
        } else if let (requestID, timeout, eventLoop) = effects.startTimer {
            startTimer(requestID: requestID, timeout: timeout, on: eventLoop)
        }
        if effects.kill { process.withLock { $0 }?.kill() }
        if let (continuation, completed) = effects.resume { continuation.resume(returning: completed) }
    }

    private func startTimer(requestID: String, timeout: Duration, on eventLoop: any EventLoop) {
        let timer = eventLoop.scheduleTask(in: TimeAmount(timeout)) { [self] in
            perform(state.withLock { $0.timedOut(requestID: requestID, now: .now) })
        }
        if let unneeded = state.withLock({ $0.timerStarted(timer, requestID: requestID) }) { unneeded.cancel() }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
