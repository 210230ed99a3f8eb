import Dispatch
import Foundation

/// The relation-id index of one list of relations, made on a thread of its own (not a shared pool,
/// which a caller blocked in `wait()` could be holding up).
final class RelationIDIndexer: @unchecked Sendable {
    // Written by the other thread before it signals `done`, read by the caller after `wait()`.
    private var list: [Relation]?
    private var made: RelationIDIndex?
    private let done = DispatchSemaphore(value: 0)

    init(_ list: [Relation]) {
        self.list = list
        Thread { self.run() }.start()
    }

    private func run() {
        let index = RelationIDIndex(of: list!)
        // Let go of the list before signalling: the graph that adopts it must hold the only reference.
        list = nil
        made = index
        done.signal()
    }

    /// The index, once made.
    func wait() -> RelationIDIndex {
        done.wait()
        return made!
    }
}
