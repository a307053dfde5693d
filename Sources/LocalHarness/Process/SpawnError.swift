#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A function's executable could not be started.
public struct SpawnError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The executable that could not be started.
    public var executable: String
    /// Why: the error of `fork`, `execve` or the child's set-up.
    public var errno: Int32

    public var description: String {
        "cannot start \(executable): \(String(cString: strerror(errno)))"
    }
}
