#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A process environment variable that the runtime sets anew for every invocation, such as
/// `_X_AMZN_TRACE_ID`.
///
/// It is not set with `setenv`: glibc copies every new value and never frees the old ones,
/// because a `getenv` caller may still hold them, so a value that differs on each invocation
/// (the trace header does) would leak about 140 bytes per invocation for the life of the
/// environment. Instead the `NAME=value` strings are ours, handed to `putenv`, which puts the
/// pointer itself in the environment. A string is freed once a second change has replaced
/// it, so that a `getenv` result taken just before a change stays readable for a while.
final class InvocationVariable {
    let name: String
    /// The string in the environment now, if any, and the one it replaced.
    private var current: UnsafeMutablePointer<CChar>?
    private var replaced: UnsafeMutablePointer<CChar>?

    init(name: String) {
        self.name = name
    }

    /// Sets the variable to `value`, or removes it when `value` is nil.
    func set(_ value: String?) {
        let previous = current
        if let value, let entry = strdup("\(name)=\(value)") {
            putenv(entry)
            current = entry
        } else {
            unsetenv(name)
            current = nil
        }
        free(replaced)
        replaced = previous
    }
}
