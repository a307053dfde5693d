import Glibc

/// A function process started the way Lambda starts one: a fresh executable, a given environment.
///
/// posix_spawn rather than Foundation's Process: the clock starts right before the call, so the
/// cold start includes only what the kernel and the program itself do.
final class ChildProcess {
    let pid: pid_t
    private var reaped = false

    init(executable: String, environment: [String: String], logPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let arguments = [strdup(executable)] + [UnsafeMutablePointer<CChar>?(nil)]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, arguments, variables)
        guard result == 0 else { throw BenchError("cannot start \(executable): error \(result)") }
        pid = child
    }

    deinit { stop() }

    /// The process's peak resident set (VmHWM) and thread count, from /proc.
    func memoryAndThreads() -> (peakRSSKiB: Int, threads: Int)? {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
        defer { fclose(file) }
        var peak: Int?
        var threads: Int?
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let number = Int(text.split(separator: ":").last?.filter(\.isNumber) ?? "")
            if text.hasPrefix("VmHWM:") { peak = number }
            if text.hasPrefix("Threads:") { threads = number }
        }
        guard let peak, let threads else { return nil }
        return (peak, threads)
    }

    /// Whether it has ended already (it crashed, or refused its configuration).
    var hasExited: Bool {
        if reaped { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return reaped
    }

    /// Kills and reaps it; Lambda too ends an environment without asking.
    func stop() {
        guard !reaped else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = true
    }
}
