import Foundation

/// Work run on a thread of its own (not a shared pool, which a caller blocked in `wait()` could be
/// holding up) while the caller does its share, then waited for:
/// `let other = OtherThread { ... }; ...; let result = other.wait()`.
///
/// The work is let go of, with all it captured, before `wait()` returns: a caller that shared a
/// list with it (one the graph then adopts) holds the only reference again and changes it without
/// a copy.
final class OtherThread<Result: Sendable>: @unchecked Sendable {
    // The thread runs `work`, lets go of it and writes `result` before it signals `done`; the
    // caller reads `result` only after waiting for that.
    private var work: (@Sendable () -> Result)?
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Result) {
        self.work = work
        Thread { self.run() }.start()
    }

    private func run() {
        let made = work!()
        work = nil
        result = made
        done.signal()
    }

    /// The work's result, once it is done. Call it once.
    func wait() -> Result {
        done.wait()
        return result!
    }
}
