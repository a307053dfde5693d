#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A file meant for a program's standard input, output or error could not be opened, so the
/// program was not started.
public struct StreamFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file that could not be opened.
    public var path: String
    /// Which stream it was for: `standard input`, `standard output` or `standard error`.
    public var stream: String
    /// The program that was to be started.
    public var executable: String
    /// Why: the error of `open`.
    public var errno: Int32

    public var description: String {
        "cannot open \(path) as the \(stream) of \(executable): \(String(cString: strerror(errno)))"
    }
}
