import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A program that tests and tools start: unlike Foundation's `Process`, it leaks no descriptor
/// into other children, starts with no signal blocked or ignored, and learns of its exit from
/// the harness's process reaper (epoll on a pidfd) without tying up a thread.
///
/// It runs in a process group of its own and is killed when this process dies. Its standard
/// streams go to files (or /dev/null), which never fill up as an unread pipe would. A process
/// whose last reference goes away is killed, its group with it: keep the reference while it
/// should run.
public final class SpawnedProcess: Sendable {
    private let child: ChildProcess
    private let state = Mutex(State())

    private struct State {
        var status: ExitStatus?
        /// Callers of ``exit(within:)`` still waiting, by an identifier of each call.
        var waiters: [Int: CheckedContinuation<ExitStatus?, Never>] = [:]
        var nextWaiter = 0
    }

    private init(child: ChildProcess) {
        self.child = child
    }

    deinit {
        child.kill()
    }

    /// Starts `executable` (a path; `PATH` is not searched) with exactly `environment`.
    ///
    /// - Parameters:
    ///   - directory: The working directory, or `nil` for this process's.
    ///   - standardInput: A file to read standard input from, or `nil` for /dev/null.
    ///   - standardOutput: A file to write standard output to (created, or emptied), or `nil`
    ///     for /dev/null.
    ///   - standardError: As `standardOutput`; the same path makes one file of both streams.
    /// - Throws: ``StreamFileError`` when a file cannot be opened, ``SpawnError`` when the program
    ///   cannot be started.
    public static func start(
        executable: String,
        arguments: [String],
        environment: [String: String],
        directory: String? = nil,
        standardInput: String? = nil,
        standardOutput: String?,
        standardError: String?
    ) async throws -> SpawnedProcess {
        // Forked on an event-loop thread, which lives as long as the process: the child gets a
        // death signal when the thread that forked it ends.
        let child = try await MultiThreadedEventLoopGroup.singleton.any().submit {
            try spawn(
                executable: executable, arguments: arguments, environment: environment, directory: directory,
                standardInput: standardInput, standardOutput: standardOutput, standardError: standardError)
        }.get()
        let process = SpawnedProcess(child: child)
        child.onExit { [weak process] exit in process?.exited(exit.status) }
        ProcessReaper.shared.watch(child)
        return process
    }

    /// The process id, which stays the process's own until it is reaped.
    public var pid: Int32 { child.pid }

    /// Whether the process has exited (and been reaped).
    public var hasExited: Bool { child.exit != nil }

    /// Sends `signal` to the process alone, not to its group; nothing once it has been reaped.
    public func signal(_ signal: Int32) {
        child.signal(signal)
    }

    /// Kills the process and everything it started (its process group) with SIGKILL; nothing
    /// once it has been reaped.
    public func kill() {
        child.kill()
    }

    /// How the process ended, once it has. Suspends without blocking a thread, and without end
    /// if the process never exits: see ``exit(within:)``.
    public func exit() async -> ExitStatus {
        await child.waitForExit().status
    }

    /// How the process ended, or `nil` if it has not within `timeout` (or the task is cancelled
    /// first); the process is left as it is either way.
    public func exit(within timeout: Duration) async -> ExitStatus? {
        let first = await withTaskGroup(of: ExitStatus?.self) { group in
            group.addTask { await self.exitUnlessCancelled() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        return first ?? child.exit?.status
    }

    /// Asks the process to stop with SIGTERM and gives it `gracePeriod` to exit; then kills its
    /// group. Returns how it ended.
    public func stop(gracePeriod: Duration = .seconds(10)) async -> ExitStatus {
        signal(SIGTERM)
        if let status = await exit(within: gracePeriod) { return status }
        kill()
        return await exit()
    }

    /// ``exit()``, but `nil` as soon as the task is cancelled.
    private func exitUnlessCancelled() async -> ExitStatus? {
        let waiter = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                state.withLock { state in
                    if let status = state.status {
                        continuation.resume(returning: status)
                    } else if Task.isCancelled {
                        continuation.resume(returning: nil)
                    } else {
                        state.waiters[waiter] = continuation
                    }
                }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: waiter) }?.resume(returning: nil)
        }
    }

    /// Called on the reaper's thread once the process has been reaped.
    private func exited(_ status: ExitStatus) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// Opens the streams' files and starts the child; the files are closed again once the child
    /// has its own copies.
    private static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String],
        directory: String?,
        standardInput: String?,
        standardOutput: String?,
        standardError: String?
    ) throws -> ChildProcess {
        var opened: [Int32] = []
        defer { for descriptor in opened { close(descriptor) } }
        func openStream(_ path: String, _ flags: Int32, for stream: String) throws(StreamFileError) -> Int32 {
            let descriptor = open(path, flags | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw StreamFileError(path: path, stream: stream, executable: executable, errno: errno)
            }
            opened.append(descriptor)
            return descriptor
        }
        let input = try standardInput.map { try openStream($0, O_RDONLY, for: "standard input") } ?? -1
        let writing = O_WRONLY | O_CREAT | O_TRUNC
        let output = try openStream(standardOutput ?? "/dev/null", writing, for: "standard output")
        let errors: Int32
        if let standardError, standardError == standardOutput {
            errors = output
        } else {
            errors = try openStream(standardError ?? "/dev/null", writing, for: "standard error")
        }
        return try ChildProcess.spawn(
            executable: executable, arguments: arguments, environment: environment, directory: directory,
            standardInput: input, standardOutput: output, standardError: errors)
    }
}
