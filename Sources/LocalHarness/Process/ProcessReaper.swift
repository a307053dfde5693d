import CChildProcess
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Learns of child processes' exits without polling: one thread waits in `epoll` on their pidfds
/// (readable once the process has ended) and reaps each by its own pid, so that children that
/// other code in the same process started are left alone.
final class ProcessReaper: Sendable {
    /// One reaper for the whole process: a thread blocked in `epoll_wait` costs nothing.
    static let shared = ProcessReaper()

    private let epoll: Int32
    private let watched = Mutex<[Int32: ChildProcess]>([:])

    private init() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epoll >= 0, "epoll_create1 failed: errno \(errno)")
        var thread = pthread_t()
        // The singleton lives as long as the process, so the thread's reference is never released.
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<ProcessReaper>.fromOpaque(context!).takeUnretainedValue().run()
            },
            Unmanaged.passRetained(self).toOpaque()
        )
        precondition(started == 0, "cannot start the process reaper thread: \(started)")
        pthread_detach(thread)
    }

    /// Reaps `process` when it exits; its exit handlers then run on the reaper's thread.
    func watch(_ process: ChildProcess) {
        watched.withLock { $0[process.pidFileDescriptor] = process }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = process.pidFileDescriptor
        let added = epoll_ctl(epoll, EPOLL_CTL_ADD, process.pidFileDescriptor, &event)
        precondition(added == 0, "cannot watch pid \(process.pid): errno \(errno)")
    }

    private func run() -> Never {
        var events = [epoll_event](repeating: epoll_event(), count: 32)
        while true {
            let count = events.withUnsafeMutableBufferPointer { buffer in
                epoll_wait(epoll, buffer.baseAddress, Int32(buffer.count), -1)
            }
            if count < 0 {
                if errno == EINTR { continue }
                preconditionFailure("epoll_wait failed: errno \(errno)")
            }
            for index in 0..<Int(count) {
                let descriptor = events[index].data.fd
                epoll_ctl(epoll, EPOLL_CTL_DEL, descriptor, nil)
                let process = watched.withLock { $0.removeValue(forKey: descriptor) }
                process?.reap()
                close(descriptor)
            }
        }
    }
}
