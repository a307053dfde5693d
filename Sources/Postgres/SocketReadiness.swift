import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for libpq's socket with `poll(2)`, on the calling thread, until a deadline.
///
/// The wait blocks the thread that runs the operation. A Lambda environment runs one
/// invocation at a time, so nothing else wants that thread meanwhile, and the operation
/// continues on it when the answer arrives: no hop to another thread and back, no timer to
/// arm and cancel. The deadline is the poll's own timeout.
enum SocketReadiness {
    enum Interest {
        case read, write, readOrWrite

        var events: Int16 {
            switch self {
            case .read: Int16(POLLIN)
            case .write: Int16(POLLOUT)
            case .readOrWrite: Int16(POLLIN | POLLOUT)
            }
        }
    }

    /// Returns when `socket` is ready for `interest` (or has an error or hang-up to report,
    /// which libpq reads next); throws ``PostgresError/Kind/timedOut`` at `deadline`.
    static func wait(for interest: Interest, on socket: Int32, until deadline: NIODeadline) throws(PostgresError) {
        guard socket >= 0 else { throw PostgresError(.connectionLost, message: "the connection has no socket") }
        while true {
            let remaining = deadline - .now()
            guard remaining > .zero else {
                throw PostgresError(.timedOut, message: "no answer before the deadline")
            }
            let milliseconds = Int32(clamping: (remaining.nanoseconds + 999_999) / 1_000_000)
            var descriptor = pollfd(fd: socket, events: interest.events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR {
                throw PostgresError(.connectionLost, message: "poll failed: errno \(errno)")
            }
        }
    }
}
