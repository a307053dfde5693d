import Dispatch

/// Runs async code to completion from libFuzzer's synchronous callback.
///
/// libFuzzer calls `LLVMFuzzerTestOneInput` on its own thread, which is not one of the
/// concurrency pool's, so blocking it on a semaphore cannot starve the task it waits for.
public func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
    let box = Box<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    return box.value!
}

/// Written by the task before it signals, read only after the wait: the semaphore orders the two.
private final class Box<Value>: @unchecked Sendable {
    var value: Value?
}
