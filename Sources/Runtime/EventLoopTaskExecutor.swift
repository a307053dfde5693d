import NIOCore

/// Runs Swift Concurrency jobs on a NIO event loop.
///
/// With the runtime's task preferring this executor, the invocation loop, the handler and
/// the socket I/O all run on one thread: no hops between a concurrency pool and the loop.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
