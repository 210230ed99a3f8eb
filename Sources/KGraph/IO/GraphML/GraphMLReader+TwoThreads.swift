import Foundation

// The two-thread read of a big GraphML file. The one-thread reader (`GraphMLParser`) knows it
// through one field, `split` (a `SplitHook`), and two lines: `graph(parent:top:)` hands a
// top-level start tag at or after `split.checkAt` to `splitCheckpoint()` (never, when reading by
// one thread: `checkAt` is then Int.max), and `documentContent()` stops once `split.ended`.
// `GraphMLReader.read` sets the policy and calls `endSplit()` when the document is read.
// Kept (issue 11 item 4 asks for 1.5x): on a quiet machine (34413c4, `make bench-compare`, min of
// 3 and of 8 alternated rounds) the whole 1,000,000-relation load took 2.032 s and 2.153 s with
// two cores against 3.247 s and 3.362 s pinned to one (1.60x and 1.56x).

extension GraphMLReader {
    /// Whether a big file's second half is read on a second thread (see `GraphMLParser.launchSecondHalf`).
    enum Split: Sendable, Equatable {
        /// When this process may run on two cores or more and the part after the top-level graph's
        /// first node, edge or data is at least `minimumBytes` long.
        case automatic
        case never
        /// At the first `<node` or `<edge` that starts a line at or after this file offset, whatever
        /// the size and the cores (for tests).
        case near(Int)

        static let minimumBytes = 8 << 20
    }
}

/// The parser's part in a two-thread read (its field `split`; used only here).
struct SplitHook {
    /// Top-level start tags at or after this file offset go through `splitCheckpoint()`.
    var checkAt = Int.max
    var policy = GraphMLReader.Split.never
    /// The second half being read on another thread, until this reader reaches its offset.
    var secondHalf: SecondHalf?
    /// Set on the second half's own reader: it stops when the first half cancels it.
    var cancellation: SecondHalf?
    /// The rest of the file was read by the second half's reader, or this reader was cancelled:
    /// it reads no further.
    var ended = false
    /// Where a merged second half started.
    var mergedAt: Int?

    init() {}

    init(_ policy: GraphMLReader.Split) {
        self.policy = policy
        // The first top-level start tag is looked at: the second half starts from there.
        if policy != .never { checkAt = 0 }
    }

    /// How often, in bytes, the second half's reader checks whether it was cancelled.
    static let cancelCheckBytes = 1 << 20
}

/// The second half of a file, read on another thread from a `<node` or `<edge` that starts a line,
/// on the guess that there the reader is directly inside the top-level `<graph>` with the keys
/// declared so far. The first half's reader confirms the guess when it gets there (the same
/// offset, depth, column and keys) and merges the second half's results; when it does not (the
/// place was inside a comment, a CDATA section or a nested graph, or the halves disagree in a way
/// merging cannot settle, or the second half has an error), it cancels the second half and reads
/// on itself. So the result is always the one reading the file in one pass gives.
final class SecondHalf: @unchecked Sendable {
    /// File offset of the `<` the second half starts at, and the column there.
    let offset: Int
    let column: Int
    let seed: GraphMLParser.Seed
    // `cancelled` and `part` are shared between the threads, under `lock`.
    private let lock = NSLock()
    private var cancelled = false
    private var part: GraphMLParser.Part?
    private let done = DispatchSemaphore(value: 0)
    /// Only the first half's thread touches it.
    private var joined = false

    init(offset: Int, column: Int, seed: GraphMLParser.Seed) {
        self.offset = offset
        self.column = column
        self.seed = seed
    }

    var isCancelled: Bool { lock.withLock { cancelled } }

    /// Called once by the worker.
    func finish(_ p: consuming GraphMLParser.Part?) {
        lock.withLock { part = p }
        done.signal()
    }

    /// Waits for the worker and takes its result (nil when it failed or was cancelled).
    func join(cancelling: Bool) -> GraphMLParser.Part? {
        if cancelling { lock.withLock { cancelled = true } }
        guard !joined else { return nil }
        joined = true
        done.wait()
        return lock.withLock {
            let p = part
            part = nil
            return cancelling ? nil : p
        }
    }
}

extension GraphMLParser {
    /// Called for each start tag directly inside the top-level graph at or after `split.checkAt`,
    /// before it is read: launches the second half at the first node, edge or graph data, merges it at its
    /// offset, and, in the second half's own reader, stops when cancelled. True: this reader is
    /// done with the graph (and with the document: `split.ended`).
    mutating func splitCheckpoint() -> Bool {
        let at = t.absolute(t.tokenStart)
        if let c = split.cancellation {
            if c.isCancelled { split.ended = true; return true }
            split.checkAt = at + SplitHook.cancelCheckBytes
            return false
        }
        if let half = split.secondHalf {
            split.ended = reachSecondHalf(half, at: at)
            return split.ended
        }
        // Not only at the first node or edge: kgraph's export writes the documents first (1.2 MB
        // in the 1,000,000-relation benchmark, 85 ms of reading the second thread need not wait for).
        // Not at a key, nor at data naming an undeclared key (reading it declares one): a key
        // declared after this point is not in the seed, and the second half would not merge.
        if isG("node") || isG("edge") || (isG("data") && namesGraphKey()) {
            split.checkAt = .max
            launchSecondHalf()
        }
        return false
    }

    /// Whether the current `<data>` names a key declared for the graph.
    func namesGraphKey() -> Bool {
        guard let a = t.attribute("key"), !a.needsDecoding, let slot = keyTable.find(t.bytes(a.value)) else { return false }
        return keyByDomain[Int(slot) * 3 + GraphMLDomain.graph.rawValue] >= 0
    }

    /// Stops a second half that is still being read (the graph ended, or had an error, before its
    /// offset). Called by `GraphMLReader.read` once the document is read, whatever happened.
    mutating func endSplit() {
        if let half = split.secondHalf {
            split.secondHalf = nil
            _ = half.join(cancelling: true)
        }
    }

    /// What the second half's reader starts from: the keys and names the first half has read.
    struct Seed {
        var keys: [GraphMLKey]
        var keyTable: ByteTable
        var keyByDomain: [Int32]
        var nodeKeysWithDefaults: [Int]
        var edgeKeysWithDefaults: [Int]
        var prefix: String
        /// The names of the open elements, as written: the root and the top-level graph.
        var open: [[UInt8]]
    }

    /// What the second half's reader found.
    struct Part {
        var fragment: GraphFragment
        var diagnostics: [Diagnostic]
        var keyCount: Int
        var keyTableCount: Int
        var nodeTable: ByteTable
        var nodeIDs: [String]
        var nodeDeclaredAt: [FileLocation?]
        var nodeEntity: [Int32]
        var edgeIDTable: ByteTable
        var edgeEnds: GraphFragment.RelationEnds
        var edgeIDSlot: [Int32]
        var edgeIDReused: [Bool]
        var unnamedEdges: [Int]
        var renamedNodes: [String: String]
        var notes: [String: (count: Int, at: FileLocation?)]
        var noteOrder: [String]
    }

    /// Called at the top-level graph's first node, edge or data: starts reading the second half
    /// on another thread when the policy says so.
    mutating func launchSecondHalf() {
        guard let source else { return }
        let here = t.offset
        let from: Int
        switch split.policy {
        case .never: return
        case .near(let o): from = max(o, here)
        case .automatic:
            // The size first: the cores mean reading /proc, which a small file need not pay for.
            guard let size = source.size, size - here >= GraphMLReader.Split.minimumBytes,
                  Cores.available > 1 else { return }
            // A little before the middle: the first half also reads the graph's documents and the
            // nodes, which cost more per byte than edges; but the second half's thread takes longer
            // per instruction (its memory is all new to it). Balanced by thread CPU time, not by
            // instructions: 1,000,000-relation own export, two cores, split at 45 % the first
            // half took 1,323-1,425 ms and the second 1,432-1,618 ms, at 48 % 1,365-1,532 against
            // 1,359-1,416 ms (6 runs each, load average 5-9); at 47.5 % the first half reads 40 M
            // more instructions than the second at 100,000 relations. The merge and `finish` wait
            // for both, so the reading alone is balanced.
            from = here + (size - here) * 475 / 1000
        }
        guard let (offset, column) = findLineStart(of: ["node", "edge"], in: source, from: from) else { return }
        guard t.depth == 3, let graphName = t.openName(1), let rootName = t.openName(0) else { return }
        let seed = Seed(keys: keys, keyTable: keyTable, keyByDomain: keyByDomain, nodeKeysWithDefaults: nodeKeysWithDefaults,
                        edgeKeysWithDefaults: edgeKeysWithDefaults, prefix: prefix, open: [rootName, graphName])
        let half = SecondHalf(offset: offset, column: column, seed: seed)
        split.secondHalf = half
        split.checkAt = offset
        let file = self.file
        let worker = Thread {
            half.finish(Self.readSecondHalf(half, source: source, file: file))
        }
        // As deep as the main thread's: nested graphs recurse.
        worker.stackSize = 16 << 20
        worker.start()
    }

    /// The second half's reading (on the worker thread); nil when it was cancelled or the XML is
    /// not well-formed there (the first half then reads on and reports the error).
    static func readSecondHalf(_ half: SecondHalf, source: ByteSource, file: String) -> Part? {
        do {
            var t = try XMLTokenizer(source: source, file: file, startingAt: half.offset)
            t.resume(inside: half.seed.open, column: half.column)
            var p = GraphMLParser(t, file: file)
            p.keys = half.seed.keys
            p.keyTable = half.seed.keyTable
            p.keyByDomain = half.seed.keyByDomain
            p.nodeKeysWithDefaults = half.seed.nodeKeysWithDefaults
            p.edgeKeysWithDefaults = half.seed.edgeKeysWithDefaults
            p.keySetBy = Array(repeating: -1, count: half.seed.keys.count)
            p.prefix = half.seed.prefix
            p.graphSeen = true
            p.split.cancellation = half
            p.split.checkAt = half.offset + SplitHook.cancelCheckBytes
            p.source = source
            try p.graph(parent: nil, top: true)
            if p.split.ended { return nil }
            try p.documentContent()
            return p.split.ended ? nil : p.part
        } catch {
            return nil
        }
    }

    var part: Part {
        Part(fragment: fragment, diagnostics: diagnostics, keyCount: keys.count, keyTableCount: keyTable.count,
             nodeTable: nodeTable, nodeIDs: nodeIDs, nodeDeclaredAt: nodeDeclaredAt, nodeEntity: nodeEntity,
             edgeIDTable: edgeIDTable,
             edgeEnds: edgeEnds, edgeIDSlot: edgeIDSlot, edgeIDReused: edgeIDReused, unnamedEdges: unnamedEdges,
             renamedNodes: renamedNodes, notes: notes, noteOrder: noteOrder)
    }

    /// The first `<NAME` (one of `names`, with the file's prefix) that starts a line (after spaces
    /// or tabs) at or after `from`, within 64 KB; its offset and column.
    func findLineStart(of names: [String], in source: ByteSource, from: Int) -> (Int, Int)? {
        guard let w = source.peek(at: from, count: 1 << 16) else { return nil }
        let tags = names.map { Array(("<" + (prefix.isEmpty ? "" : prefix + ":") + $0).utf8) }
        var i = 0
        while i < w.count {
            guard let nl = w[i...].firstIndex(of: 0x0A) else { return nil }
            var j = nl + 1
            while j < w.count && (w[j] == 0x20 || w[j] == 0x09) { j += 1 }
            for tag in tags where j + tag.count < w.count && w[j..<(j + tag.count)].elementsEqual(tag) {
                let after = w[j + tag.count]
                if after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == UInt8(ascii: ">")
                    || after == UInt8(ascii: "/") {
                    return (from + j, j - nl)
                }
            }
            i = nl + 1
        }
        return nil
    }

    /// At a top-level start tag at or after the second half's offset (`at`): merges the second
    /// half when this reader is exactly where it started (true: the whole file is read), else
    /// cancels it (false: this reader reads on).
    mutating func reachSecondHalf(_ half: SecondHalf, at: Int) -> Bool {
        split.secondHalf = nil
        split.checkAt = .max
        guard at == half.offset, t.depth == 3, keys.count == half.seed.keys.count,
              keyTable.count == half.seed.keyTable.count else {
            _ = half.join(cancelling: true)
            return false
        }
        let here = t.location(at: t.tokenStart)
        guard here.column == half.column else {
            _ = half.join(cancelling: true)
            return false
        }
        guard let part = half.join(cancelling: false) else { return false }
        let merged = merge(part, line: here.line)
        if merged { split.mergedAt = half.offset }
        return merged
    }

    /// Merges what the second half's reader found, whose line 1 is `line` here, as if this reader
    /// had read it. False, changing nothing, when the halves disagree in a way only reading in one
    /// pass settles: an error in the second half, a key it declared, a node both declare, an edge
    /// id it uses between the two nodes this half first used it between.
    mutating func merge(_ part: consuming Part, line: Int) -> Bool {
        var b = consume part
        guard b.keyCount == keys.count, b.keyTableCount == keyTable.count, !b.diagnostics.hasErrors,
              b.fragment.entityPlaces.isEmpty, b.fragment.relationPlaces.isEmpty,
              // Vocabulary places: a later declaration's place wins; kept simple, merged never.
              b.fragment.vocabularyPlaces.isEmpty else { return false }
        // Where each of its node slots goes here: a node this half has seen keeps its slot, a new
        // one is numbered after this half's, in the order the second half met them (as one pass does).
        var slotHere = [Int32](repeating: -1, count: b.nodeIDs.count)
        var next = Int32(nodeIDs.count)
        let nodeHere = b.nodeTable.numbers(in: nodeTable)
        for i in b.nodeIDs.indices {
            let s = nodeHere[i]
            if s >= 0 {
                if nodeDeclaredAt[Int(s)] != nil && b.nodeDeclaredAt[i] != nil { return false }
                slotHere[i] = s
            } else {
                slotHere[i] = next
                next += 1
            }
        }
        // Where each of its edge-id slots goes here: an id this half uses keeps its slot, one only
        // the second half uses is numbered after this half's (`edgeIDTable` is not extended:
        // nothing reads it once the file is read; `finish` renames through the slots).
        let laterBase = Int32(edgeIDReused.count)
        var idSlotHere = [Int32](repeating: -1, count: b.edgeIDTable.count)
        var shared = 0
        let edgeIDHere = b.edgeIDTable.numbers(in: edgeIDTable)
        for j in 0..<Int32(b.edgeIDTable.count) {
            let s = edgeIDHere[Int(j)]
            if s >= 0 {
                idSlotHere[Int(j)] = s
                shared += 1
            } else {
                idSlotHere[Int(j)] = laterBase + j
            }
        }
        if shared > 0 {
            // An edge whose id attribute an `id` <data> replaced has no slot: it cannot be checked.
            var unslotted = 0
            for s in b.edgeIDSlot where s < 0 { unslotted += 1 }
            guard unslotted == b.unnamedEdges.count else { return false }
            // In one pass, each of the second half's edges with a shared id is compared with the
            // ends of the first edge this half gave it: the same two nodes is an error.
            for k in b.edgeIDSlot.indices {
                let j = b.edgeIDSlot[k]
                guard j >= 0 else { continue }
                let s = idSlotHere[Int(j)]
                guard s < laterBase else { continue }
                let first = Int(edgeIDFirst[Int(s)])
                let fs = edgeEnds.sources[first], ft = edgeEnds.targets[first]
                let bs = b.edgeEnds.sources[k], bt = b.edgeEnds.targets[k]
                if fs == slotHere[Int(bs)] && ft == slotHere[Int(bt)] { return false }
            }
        }

        // From here on nothing can fail.
        func shift(_ l: FileLocation?) -> FileLocation? {
            guard var l else { return nil }
            l.line += line - 1
            return l
        }
        // The second half's entities follow this half's (below).
        let entityBase = Int32(fragment.entities.count)
        for i in b.nodeIDs.indices {
            let s = slotHere[i]
            let entity = b.nodeEntity[i] < 0 ? -1 : entityBase + b.nodeEntity[i]
            if Int(s) == nodeIDs.count {
                // `nodeTable` is not extended either: nothing reads it once the file is read.
                nodeIDs.append(b.nodeIDs[i])
                nodeDeclaredAt.append(shift(b.nodeDeclaredAt[i]))
                nodeEntity.append(entity)
            } else if nodeDeclaredAt[Int(s)] == nil, let d = b.nodeDeclaredAt[i] {
                nodeDeclaredAt[Int(s)] = shift(d)
                nodeEntity[Int(s)] = entity
            }
        }
        // Edge ids: those both halves use are reused between different node pairs (checked
        // above); the second half's own keep what it found.
        edgeIDReused += b.edgeIDReused
        for j in idSlotHere.indices where idSlotHere[j] < laterBase {
            edgeIDReused[Int(idSlotHere[j])] = true
            // Its slot numbered after this half's is not used.
            edgeIDReused[Int(laterBase) + j] = false
        }
        reusedEdgeIDCount = 0
        for r in edgeIDReused where r { reusedEdgeIDCount += 1 }
        edgeIDSlot.reserveCapacity(edgeIDSlot.count + b.edgeIDSlot.count)
        for j in b.edgeIDSlot { edgeIDSlot.append(j < 0 ? -1 : idSlotHere[Int(j)]) }
        let relationBase = fragment.relations.count
        unnamedEdges += b.unnamedEdges.map { $0 + relationBase }
        edgeEnds.sources.reserveCapacity(edgeEnds.sources.count + b.edgeEnds.sources.count)
        edgeEnds.targets.reserveCapacity(edgeEnds.targets.count + b.edgeEnds.targets.count)
        for s in b.edgeEnds.sources { edgeEnds.sources.append(slotHere[Int(s)]) }
        for t in b.edgeEnds.targets { edgeEnds.targets.append(slotHere[Int(t)]) }
        renamedNodes.merge(b.renamedNodes) { first, _ in first }

        // Moved, not copied: no reference counting per relation (a million relations hold several
        // million references). `b`'s relations are left moved out until `MergedPart` fills them.
        let movedOut = b.fragment.relations.withUnsafeMutableBufferPointer { all in
            if line > 1 {
                for k in all.indices { all[k].location?.line += line - 1 }
            }
            if let base = all.baseAddress {
                // One reservation and a plain loop of moves (appending one by one cost about 80
                // instructions per element).
                fragment.relations.append(contentsOf: Moving(base: base, count: all.count))
            }
            return all
        }
        for var e in b.fragment.entities {
            e.location = shift(e.location)
            fragment.entities.append(e)
        }
        for var d in b.fragment.documents {
            d.location = shift(d.location)
            fragment.documents.append(d)
        }
        if fragment.title == nil { fragment.title = b.fragment.title }
        if fragment.description == nil { fragment.description = b.fragment.description }
        for var d in b.diagnostics {
            d.location = shift(d.location)
            diagnostics.append(d)
        }
        for key in b.noteOrder {
            let n = b.notes[key]!
            if let mine = notes[key] { notes[key] = (mine.count + n.count, mine.at) } else {
                notes[key] = (n.count, shift(n.at))
                noteOrder.append(key)
            }
        }
        MergedPart.release(consume b, movedOut: movedOut)
        return true
    }
}

/// The second half's part once merged, its relations moved out, let go of on another thread: the
/// merge waits for neither the filling of the moved-out places nor the release of the part's
/// tables and ids (callgrind, 100,000-relation own export: 12.4 M and 9.3 M instructions for the
/// relations alone, on the load's critical path).
private final class MergedPart: @unchecked Sendable {
    // Touched by the releasing thread only, once `release` has handed them over.
    private var part: GraphMLParser.Part?
    private let movedOut: UnsafeMutableBufferPointer<Relation>

    private init(_ part: consuming GraphMLParser.Part, movedOut: UnsafeMutableBufferPointer<Relation>) {
        self.part = part
        self.movedOut = movedOut
    }

    /// Lets go of `part`, whose relations' places `movedOut` (its array's buffer) were moved out.
    static func release(_ part: consuming GraphMLParser.Part, movedOut: UnsafeMutableBufferPointer<Relation>) {
        let merged = MergedPart(part, movedOut: movedOut)
        Thread {
            // Swift arrays destroy every element they hold: the moved-out places first get empty
            // relations, which hold nothing counted. The array is reached through its buffer, not
            // through the part: no uniqueness check can copy places that hold no values.
            if let base = merged.movedOut.baseAddress {
                base.initialize(repeating: Relation(id: "", source: "", type: "", target: ""), count: merged.movedOut.count)
            }
            merged.part = nil
        }.start()
    }
}

/// The elements of a buffer, each moved out as it is iterated (so: iterated once).
private struct Moving<T>: Sequence, IteratorProtocol {
    let base: UnsafeMutablePointer<T>
    let count: Int
    var i = 0

    var underestimatedCount: Int { count - i }

    mutating func next() -> T? {
        guard i < count else { return nil }
        defer { i += 1 }
        return (base + i).move()
    }
}
