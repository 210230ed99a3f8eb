import Foundation

/// Work run on a thread of its own while the caller does its share, then waited for:
/// `let other = OtherThread { ... }; ...; let result = other.wait()`.
final class OtherThread<Result: Sendable>: @unchecked Sendable {
    // Written by the thread before `done` is signalled, read by the caller after waiting for it.
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        Thread {
            self.result = work()
            self.done.signal()
        }.start()
    }

    /// The work's result, once it is done. Call it once.
    func wait() -> Result {
        done.wait()
        return result!
    }
}
