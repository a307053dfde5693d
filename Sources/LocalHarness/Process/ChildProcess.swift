import CChildProcess
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A process the harness started, in a process group of its own, dying with the harness.
///
/// Its exit is learnt from the ``ProcessReaper``; until then `kill` may signal the group safely,
/// as an unreaped process keeps its pid and group id from being reused.
final class ChildProcess: Sendable {
    let pid: pid_t
    let pidFileDescriptor: Int32
    private let state = Mutex(State())

    private struct State {
        var exit: ProcessExit?
        var waiters: [CheckedContinuation<ProcessExit, Never>] = []
        var onExit: (@Sendable (ProcessExit) -> Void)?
    }

    /// The read ends of the child's standard output and error, for the caller to take ownership of.
    struct Pipes: Sendable {
        var standardOutput: Int32
        var standardError: Int32
    }

    private init(pid: pid_t, pidFileDescriptor: Int32) {
        self.pid = pid
        self.pidFileDescriptor = pidFileDescriptor
    }

    /// Starts `executable`. Call it on a thread that outlives the child (an event loop's): the
    /// child is killed when the thread that forked it ends.
    static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String],
        directory: String?
    ) throws(SpawnError) -> (ChildProcess, Pipes) {
        let output = try makePipe()
        let errors: (read: Int32, write: Int32)
        do {
            errors = try makePipe()
        } catch {
            close(output.read)
            close(output.write)
            throw error
        }
        defer {
            close(output.write)
            close(errors.write)
        }
        do {
            let process = try spawn(
                executable: executable,
                arguments: arguments,
                environment: environment,
                directory: directory,
                standardInput: -1,
                standardOutput: output.write,
                standardError: errors.write
            )
            return (process, Pipes(standardOutput: output.read, standardError: errors.read))
        } catch {
            close(output.read)
            close(errors.read)
            throw error
        }
    }

    /// Starts `executable` with its standard streams on the given descriptors, which the caller
    /// keeps (and closes); a `standardInput` of -1 stands for /dev/null. Call it on a thread that
    /// outlives the child, as ``spawn(executable:arguments:environment:directory:)``.
    static func spawn(
        executable: String,
        arguments: [String],
        environment: [String: String],
        directory: String?,
        standardInput: Int32,
        standardOutput: Int32,
        standardError: Int32
    ) throws(SpawnError) -> ChildProcess {
        let argv = [executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        var pidfd: Int32 = -1
        let result = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envpPointers in
                chronoview_spawn(
                    executable, argvPointers, envpPointers, directory, standardInput, standardOutput, standardError,
                    &pid, &pidfd)
            }
        }
        guard result == 0 else { throw SpawnError(executable: executable, errno: result) }
        guard pidfd >= 0 else {
            // Without a pidfd there is no way to learn of the exit without polling.
            let error = errno
            Glibc.kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            throw SpawnError(executable: executable, errno: error)
        }
        return ChildProcess(pid: pid, pidFileDescriptor: pidfd)
    }

    /// Calls `handler` once the process has exited (at once if it has already).
    func onExit(_ handler: @escaping @Sendable (ProcessExit) -> Void) {
        let exited = state.withLock { state -> ProcessExit? in
            if let exit = state.exit { return exit }
            state.onExit = handler
            return nil
        }
        if let exited { handler(exited) }
    }

    /// How the process ended, once it has been reaped.
    var exit: ProcessExit? {
        state.withLock { $0.exit }
    }

    /// Kills the process and everything it started (its process group), unless it is already reaped.
    func kill() {
        state.withLock { state in
            guard state.exit == nil else { return }
            Glibc.kill(-pid, SIGKILL)
            Glibc.kill(pid, SIGKILL)
        }
    }

    /// Sends `signal` to the process alone (not its group), unless it is already reaped.
    func signal(_ signal: Int32) {
        state.withLock { state in
            guard state.exit == nil else { return }
            Glibc.kill(pid, signal)
        }
    }

    /// Waits until the process has exited and been reaped.
    func waitForExit() async -> ProcessExit {
        await withCheckedContinuation { continuation in
            let exited = state.withLock { state -> ProcessExit? in
                if let exit = state.exit { return exit }
                state.waiters.append(continuation)
                return nil
            }
            if let exited { continuation.resume(returning: exited) }
        }
    }

    /// Collects the exit status; called by the reaper once the pidfd says the process has ended.
    func reap() {
        let (exit, waiters, handler) = state.withLock { state in
            // Whatever the process left running in its group goes with it, as when Lambda resets a sandbox.
            // The zombie still holds the group id, so this cannot reach an unrelated group.
            Glibc.kill(-pid, SIGKILL)
            var status: Int32 = 0
            var cpuMicroseconds: Int64 = 0
            var peakKilobytes = 0
            chronoview_wait(pid, &status, &cpuMicroseconds, &peakKilobytes)
            let exit = ProcessExit(
                status: ExitStatus(waitStatus: status),
                cpuTime: .microseconds(cpuMicroseconds),
                peakMemoryKilobytes: peakKilobytes
            )
            state.exit = exit
            let waiters = state.waiters
            state.waiters = []
            let handler = state.onExit
            state.onExit = nil
            return (exit, waiters, handler)
        }
        for waiter in waiters { waiter.resume(returning: exit) }
        handler?(exit)
    }

    private static func makePipe() throws(SpawnError) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard chronoview_pipe_cloexec(&fds) == 0 else { throw SpawnError(executable: "pipe", errno: errno) }
        return (fds[0], fds[1])
    }
}

/// Runs `body` with a NULL-terminated C array of the strings, as `execve` wants them.
private func withCStrings<Result>(
    _ strings: [String],
    _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
