import NIOCore
import NIOHTTP1

/// The Runtime API's view of one execution environment: which phase it is in, which invocation
/// it serves, and which `GET /next` it holds open.
///
/// Every event (a runtime request, the caller's invocation, a timer, the process's exit) is a
/// mutating method that runs under the environment's lock and returns what to do once the lock
/// is released: answer a parked request, resume the waiting caller, kill the process.
struct ExecutionEnvironmentState {
    enum Phase: Sendable, Hashable {
        /// Started; no `GET /next` yet.
        case initializing
        /// Has asked for invocations at least once.
        case ready
        /// Killed or exited, or about to be: serves nothing more.
        case terminated
    }

    struct CurrentInvocation {
        var request: InvocationRequest
        var continuation: CheckedContinuation<CompletedInvocation?, Never>
        var deliveredAt: ContinuousClock.Instant?
        var timer: Scheduled<Void>?
    }

    /// What to do outside the lock.
    struct Effects {
        var answer: (ParkedNextRequest, RuntimeAPIReply)?
        var resume: (CheckedContinuation<CompletedInvocation?, Never>, CompletedInvocation?)?
        /// Runs on `eventLoop`, the loop of the connection the event went out on, so that
        /// starting and cancelling the timer costs no thread hop.
        var startTimer: (requestID: String, timeout: Duration, eventLoop: any EventLoop)?
        var cancelTimers: [Scheduled<Void>] = []
        var kill = false
    }

    private(set) var phase = Phase.initializing
    private(set) var initDuration: Duration?
    let startedAt: ContinuousClock.Instant
    private var parked: ParkedNextRequest?
    private var current: CurrentInvocation?
    private var initTimer: Scheduled<Void>?
    /// How a fresh environment failed before any invocation was given to it.
    private var failureBeforeAssignment: EnvironmentOutcome?

    init(startedAt: ContinuousClock.Instant) {
        self.startedAt = startedAt
    }

    // MARK: The caller's side

    /// Gives the environment an invocation. Returns `nil` when the environment died while idle,
    /// so that the caller takes another one.
    mutating func assign(
        _ request: InvocationRequest,
        continuation: CheckedContinuation<CompletedInvocation?, Never>,
        now: ContinuousClock.Instant
    ) -> Effects? {
        var effects = Effects()
        if phase == .terminated {
            guard let failure = failureBeforeAssignment else { return nil }
            effects.resume = (continuation, CompletedInvocation(outcome: failure, duration: .zero))
            return effects
        }
        precondition(current == nil, "an execution environment serves one invocation at a time")
        current = CurrentInvocation(request: request, continuation: continuation)
        if let parked {
            self.parked = nil
            effects.answer = (parked, deliver(at: now, on: parked.channel.eventLoop, effects: &effects))
        }
        return effects
    }

    mutating func timerStarted(_ timer: Scheduled<Void>, requestID: String) -> Scheduled<Void>? {
        guard current?.request.requestID == requestID, current?.deliveredAt != nil else { return timer }
        current?.timer = timer
        return nil
    }

    mutating func initTimerStarted(_ timer: Scheduled<Void>) -> Scheduled<Void>? {
        guard phase == .initializing else { return timer }
        initTimer = timer
        return nil
    }

    mutating func timedOut(requestID: String, now: ContinuousClock.Instant) -> Effects {
        guard let current, current.request.requestID == requestID, let deliveredAt = current.deliveredAt else {
            return Effects()
        }
        return terminate(with: .timedOut, duration: now - deliveredAt)
    }

    mutating func initTimedOut(after limit: Duration) -> Effects {
        guard phase == .initializing else { return Effects() }
        initDuration = limit
        return terminate(with: .initTimedOut(limit), duration: .zero)
    }

    mutating func cancel(requestID: String) -> Effects {
        guard current?.request.requestID == requestID else { return Effects() }
        return terminate(with: .cancelled, duration: .zero)
    }

    mutating func shutDown() -> Effects {
        terminate(with: .shutDown, duration: .zero)
    }

    mutating func processExited(_ status: ExitStatus, now: ContinuousClock.Instant) -> Effects {
        let duringInit = phase == .initializing || current?.deliveredAt == nil
        if phase == .initializing { initDuration = now - startedAt }
        let duration = current?.deliveredAt.map { now - $0 } ?? .zero
        var effects = terminate(with: .exited(status, duringInit: duringInit), duration: duration)
        effects.kill = false
        return effects
    }

    // MARK: The runtime's side

    /// `GET /next`: delivers the waiting invocation, or holds the request until one comes.
    mutating func nextRequested(by request: ParkedNextRequest, now: ContinuousClock.Instant) -> (
        RuntimeAPIReply?, Effects
    ) {
        var effects = Effects()
        switch phase {
        case .terminated:
            return (.containerError("The execution environment is shutting down"), effects)
        case .initializing:
            phase = .ready
            initDuration = now - startedAt
            if let initTimer { effects.cancelTimers.append(initTimer) }
            initTimer = nil
        case .ready:
            break
        }
        if current?.deliveredAt != nil {
            return (.invalidStateTransition("GET /next before answering the current invocation"), effects)
        }
        if parked != nil {
            return (.invalidStateTransition("GET /next while another one is waiting"), effects)
        }
        if current != nil {
            return (deliver(at: now, on: request.channel.eventLoop, effects: &effects), effects)
        }
        parked = request
        return (nil, effects)
    }

    /// `POST /{id}/response` and `POST /{id}/error`.
    mutating func answerPosted(
        requestID: String,
        outcome makeOutcome: () -> EnvironmentOutcome,
        bodySize: Int,
        now: ContinuousClock.Instant
    ) -> (RuntimeAPIReply, Effects) {
        if phase == .terminated {
            return (.containerError("The execution environment is shutting down"), Effects())
        }
        guard let invocation = current, invocation.request.requestID == requestID,
            let deliveredAt = invocation.deliveredAt
        else {
            return (.invalidRequestID, Effects())
        }
        let tooLarge = bodySize > PayloadLimit.bytes
        let outcome = tooLarge ? .responseTooLarge(bytes: bodySize) : makeOutcome()
        var effects = Effects()
        complete(with: outcome, duration: now - deliveredAt, effects: &effects)
        return (tooLarge ? .payloadTooLarge : .accepted, effects)
    }

    /// `POST /runtime/init/error`: the environment is done for; the waiting caller gets the error.
    mutating func initErrorPosted(errorType: String, payload: ByteBuffer, now: ContinuousClock.Instant) -> (
        RuntimeAPIReply, Effects
    ) {
        switch phase {
        case .terminated:
            return (.containerError("The execution environment is shutting down"), Effects())
        case .ready:
            return (.invalidStateTransition("POST /runtime/init/error after initialisation"), Effects())
        case .initializing:
            initDuration = now - startedAt
            return (.accepted, terminate(with: .initError(errorType: errorType, payload: payload), duration: .zero))
        }
    }

    /// The runtime's connection closed: a request held on it can no longer be answered.
    mutating func connectionClosed(_ connection: ObjectIdentifier) {
        if parked?.connection == connection { parked = nil }
    }

    // MARK: Transitions

    private mutating func deliver(
        at now: ContinuousClock.Instant,
        on eventLoop: any EventLoop,
        effects: inout Effects
    ) -> RuntimeAPIReply {
        let request = current!.request
        current!.deliveredAt = now
        effects.startTimer = (request.requestID, request.timeout, eventLoop)
        let deadline =
            WallClock.milliseconds() + Int64(request.timeout.components.seconds * 1000)
            + request.timeout.components.attoseconds / 1_000_000_000_000_000
        return .invocation(request, deadlineMilliseconds: deadline)
    }

    private mutating func complete(with outcome: EnvironmentOutcome, duration: Duration, effects: inout Effects) {
        guard let invocation = current else { return }
        current = nil
        if let timer = invocation.timer { effects.cancelTimers.append(timer) }
        effects.resume = (invocation.continuation, CompletedInvocation(outcome: outcome, duration: duration))
    }

    private mutating func terminate(with outcome: EnvironmentOutcome, duration: Duration) -> Effects {
        var effects = Effects()
        guard phase != .terminated else { return effects }
        let neverServed = phase == .initializing && current == nil
        phase = .terminated
        parked = nil
        if let initTimer { effects.cancelTimers.append(initTimer) }
        initTimer = nil
        effects.kill = true
        if neverServed { failureBeforeAssignment = outcome }
        complete(with: outcome, duration: duration, effects: &effects)
        return effects
    }
}
