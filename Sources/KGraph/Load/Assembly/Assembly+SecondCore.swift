import Foundation

// The assembly's work on a second core. Pieces of a big graph's assembly that read nothing the
// rest of assembly writes run on one other thread while it goes on, for the first fragment with
// relations (a big graph's one big file):
// - from the start, its relation ids are indexed (`Graph.indexIDs(of:)`, for
//   `Graph.append(checked:...)` to adopt), unless its reader made them differ;
// - once the entities are declared, the ends of the relations from `Apart.split` on are looked up
//   (`Assembly.ends`), while this thread looks up those before it and checks their citations and
//   types; this thread takes them when it reaches them;
// - then every fragment's entity references are checked (`GraphAssembler.checkEntityReferences`),
//   while this thread checks the rest of the relations; it waits for them before the graph takes
//   the relations.
// What the other thread finds is reported where this thread would have reported it: with or
// without the second core, the graph and the diagnostics are the same (AssemblerSecondCoreTests).

extension Assembly {
    /// Whether assembly uses a second core.
    enum SecondCore: Sendable, Equatable {
        /// When the first fragment with relations has at least `minimumRelations` and the process
        /// may run on two cores (its CPU affinity: pinned to one, it uses one).
        case automatic
        case never
        /// Whatever the size and the cores (for tests).
        case always

        /// Below this, starting a thread costs more than it saves.
        static let minimumRelations = 20_000

        /// Whether a fragment of `count` relations is assembled with a second core.
        func applies(to count: Int) -> Bool {
            switch self {
            case .never: return false
            case .always: return count > 0
            case .automatic: return count >= Self.minimumRelations && Cores.available > 1
            }
        }
    }

    /// Work done on another thread for the first fragment with relations.
    struct Apart {
        let fragment: Int
        /// Where among the diagnostics the entity references' go (after the vocabulary's).
        let referencesAt: Int
        /// The first relation whose ends the other thread looks up (none when the fragment's reader
        /// gave them: this thread maps them through an array, `GraphFragment.relationEnds`). One fifth in: this thread
        /// also checks each relation's citations and type (2.5 times the instructions of looking
        /// up its ends) and declares the entities first, the other thread first indexes the ids;
        /// so both reach the hand-over of the ends at about the same time (callgrind,
        /// 100,000-relation own export).
        let split: Int
        /// The graph once its entities are declared, for the other thread to look up ends in.
        let declared: Handoff<Graph>
        /// The other thread's first findings, handed over as soon as they are made.
        let ends: Handoff<Ends>
        /// The other thread's last findings: the entity references'.
        let references: OtherThread<[Diagnostic]>

        struct Ends: Sendable {
            /// Nil when the fragment's ids are known to differ: the graph indexes them when first asked.
            let ids: Graph.RelationIDs?
            /// The entity indices of the ends of relations `split...` (-1: no such entity).
            let tails: [Int32], heads: [Int32]
        }
    }

    /// Begins `Apart`'s work when the first fragment with relations is big enough (`SecondCore`).
    mutating func startApart(_ fragments: [GraphFragment]) {
        guard let k = fragments.firstIndex(where: { !$0.relations.isEmpty }),
              secondCore.applies(to: fragments[k].relations.count) else { return }
        let count = fragments[k].relations.count
        let split = fragments[k].relationEnds.cover(count) ? count : count / 5, declared = Handoff<Graph>(), ends = Handoff<Apart.Ends>()
        let indexIDs = !fragments[k].relationIDsUnique
        let references = OtherThread { [fragments] in
            ends.put(Self.endsApart(of: fragments[k].relations, from: split, indexIDs: indexIDs, declared))
            var references: [Diagnostic] = []
            GraphAssembler.checkEntityReferences(fragments, &references)
            return references
        }
        apart = Apart(fragment: k, referencesAt: diagnostics.count, split: split, declared: declared, ends: ends,
                      references: references)
    }

    /// The other thread's first part: `list`'s ids indexed (if `indexIDs`), then, once the
    /// entities are declared, the ends of `list[split...]` looked up. A function of its own so that
    /// the other thread lets go of the graph when it returns: the graph's first change would copy it otherwise.
    private static func endsApart(of list: [Relation], from split: Int, indexIDs: Bool, _ declared: Handoff<Graph>) -> Apart.Ends {
        let ids = indexIDs ? Graph.indexIDs(of: list) : nil
        let (tails, heads) = ends(of: list, split..<list.count, in: declared.take())
        return Apart.Ends(ids: ids, tails: tails, heads: heads)
    }

    /// Hands the graph, its entities declared, to the other thread.
    func handOverDeclared() { apart?.declared.put(graph) }

    /// Waits for the ids and ends the other thread finds.
    func joinEnds() -> Apart.Ends { apart!.ends.take() }

    /// Waits for the end of `Apart`'s work and reports the entity references' findings. Before
    /// the graph takes its first relations: the other thread must have let go of the fragments'
    /// lists, or the graph's first change would copy them.
    mutating func joinApart() {
        let found = apart!.references.wait()
        diagnostics.insert(contentsOf: found, at: apart!.referencesAt)
    }
}

/// A value handed from one thread to another, once: `take()` waits for `put(_:)`.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    // Written before `ready` is signalled, read after it is waited for.
    private var value: Value?
    private let ready = DispatchSemaphore(value: 0)

    func put(_ v: Value) {
        value = v
        ready.signal()
    }

    /// The value, let go of here: the taker holds the only reference this side.
    func take() -> Value {
        ready.wait()
        defer { value = nil }
        return value!
    }
}
