#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// How a process ended, worded as Lambda words it in `Runtime exited with error: ...`.
public enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
    /// The process called `exit` with this status.
    case exited(Int32)
    /// A signal ended the process.
    case signaled(Int32)

    /// Decodes a `wait(2)` status; the `WIFEXITED` family are C macros that Swift cannot import.
    init(waitStatus: Int32) {
        let signal = waitStatus & 0x7F
        self = signal == 0 ? .exited((waitStatus >> 8) & 0xFF) : .signaled(signal)
    }

    /// `exit status 3` or `signal: killed`, the wording of Lambda's `Runtime.ExitError` messages.
    public var description: String {
        switch self {
        case .exited(let code):
            return "exit status \(code)"
        case .signaled(let signal):
            guard let name = strsignal(signal) else { return "signal: \(signal)" }
            let text = String(cString: name)
            return "signal: " + text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
