import Foundation

// The two-thread read of a big GraphML file. The one-thread reader (`GraphMLParser`) knows it
// through three calls: `twoThreadCheckpoint` at each top-level start tag, `abandonSecondHalf` at
// the end of the graph, and `edgeSlot(of:)` when it numbers edge ids; and one field, `twoThreads`.
// Kept (issue 11 asks for >= 1.5x on the whole load with two cores against one): loading the
// 100,000-relation bench file costs 2.22 G instructions, of which the main thread runs 1.26 G and
// the other 0.96 G (callgrind), a bound of 1.77x; on a quiet machine the 1,000,000-relation load
// took 1.65 s with two cores and 3.6 s pinned to one (2.2x; README, "Performance").

extension GraphMLReader {
    /// Whether a big file's second half is read on a second thread (see `GraphMLParser.launchSecondHalf`).
    enum Split: Sendable {
        /// When the machine has two cores or more and the part after the first node or edge is
        /// at least `minimumBytes` long.
        case automatic
        case never
        /// At the first `<node` or `<edge` that starts a line at or after this file offset, whatever
        /// the size (for tests).
        case near(Int)

        static let minimumBytes = 8 << 20
    }
}

/// The parser's part in a two-thread read (one field of `GraphMLParser`, used only here).
struct TwoThreadState {
    var split = GraphMLReader.Split.never
    var launched = false
    var secondHalf: SecondHalf?
    /// Set on the second half's reader: it stops when the first half cancels it.
    var cancellation: SecondHalf?
    var stopped = false
    /// The rest of the file was read by the second half's reader.
    var readToEnd = false
    /// Where that second half started.
    var mergedAt: Int?
    /// The edge ids only a merged second half uses, numbered after `edgeIDTable`'s.
    var laterEdgeIDs: ByteTable?

    /// The graph was read to its end by the other thread, or this reader was stopped.
    var ended: Bool { readToEnd || stopped }
}

/// The second half of a file, read on another thread from a `<node` or `<edge` that starts a line,
/// on the guess that there the reader is directly inside the top-level `<graph>` with the keys
/// declared so far. The first half's reader confirms the guess when it gets there (the same
/// offset, the same depth, no key declared since) and merges the second half's results; when it
/// does not (the place was inside a comment, a CDATA section or a nested graph, or the halves
/// disagree in a way merging cannot settle), it cancels the second half and reads on itself. So the
/// result is always the one reading the file in one pass gives.
final class SecondHalf: @unchecked Sendable {
    /// File offset of the `<` the second half starts at, and the column there.
    let offset: Int
    let column: Int
    let keyCount: Int
    let seed: GraphMLParser.Seed
    private let lock = NSLock()
    private var cancelled = false
    private var part: GraphMLParser.Part?
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    init(offset: Int, column: Int, seed: GraphMLParser.Seed) {
        self.offset = offset
        self.column = column
        self.seed = seed
        keyCount = seed.keys.count
    }

    var isCancelled: Bool { lock.withLock { cancelled } }

    /// Called once by the worker.
    func finish(_ p: GraphMLParser.Part?) {
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
    /// Called at each start tag directly inside the top-level graph, before it is read: launches
    /// the second half at the first node or edge, merges it at its offset, and, in the second
    /// half's own reader, stops when cancelled. True: this reader is done with the graph.
    mutating func twoThreadCheckpoint(counted checked: inout Int) -> Bool {
        if twoThreads.secondHalf != nil && reachSecondHalf() { twoThreads.readToEnd = true; return true }
        if let c = twoThreads.cancellation {
            checked += 1
            if checked & 1023 == 0 && c.isCancelled { twoThreads.stopped = true; return true }
        }
        if !twoThreads.launched && (isG("node") || isG("edge")) { launchSecondHalf() }
        return false
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

    /// What a reader of part of a file found.
    struct Part {
        var fragment: GraphFragment
        var diagnostics: [Diagnostic]
        var keyCount: Int
        var nodeTable: ByteTable
        var nodeIDs: [String]
        var nodeDeclaredAt: [FileLocation?]
        var edgeIDTable: ByteTable
        var edgeIDFirst: [Int32]
        var edgeEnds: [(Int32, Int32)]
        var reusedEdgeIDs: [Int32: Bool]
        var unnamedEdges: [Int]
        var renamedNodes: [String: String]
        var notes: [String: (count: Int, at: FileLocation?)]
        var noteOrder: [String]
    }

    /// Called at the first node or edge of the top-level graph: starts reading the second half
    /// on another thread when the file is big enough.
    mutating func launchSecondHalf() {
        guard twoThreads.secondHalf == nil, !twoThreads.launched, let source else { return }
        twoThreads.launched = true
        let here = t.offset
        let from: Int
        switch twoThreads.split {
        case .never: return
        case .near(let o): from = max(o, here)
        case .automatic:
            guard ProcessInfo.processInfo.activeProcessorCount > 1, let size = source.size,
                  size - here >= GraphMLReader.Split.minimumBytes else { return }
            // A little before the middle: the first half also reads the nodes, which cost more per
            // byte than edges, and merges (callgrind on a 100k-relation file: 1.85 G instructions
            // against 1.68 G when split in the middle).
            from = here + (size - here) * 475 / 1000
        }
        guard let (offset, column) = findLineStart(of: ["node", "edge"], in: source, from: from) else { return }
        guard let graphName = t.openName(1), let rootName = t.openName(0), t.depth == 3 else { return }
        let seed = Seed(keys: keys, keyTable: keyTable, keyByDomain: keyByDomain, nodeKeysWithDefaults: nodeKeysWithDefaults,
                        edgeKeysWithDefaults: edgeKeysWithDefaults, prefix: prefix, open: [rootName, graphName])
        let half = SecondHalf(offset: offset, column: column, seed: seed)
        twoThreads.secondHalf = half
        let file = self.file
        let worker = Thread {
            half.finish(Self.readSecondHalf(half, source: source, file: file))
        }
        worker.stackSize = 16 << 20
        worker.start()
    }

    /// The second half's reading (on the worker thread).
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
            p.twoThreads.cancellation = half
            p.source = source
            try p.graph(parent: nil, top: true)
            if p.twoThreads.stopped { return nil }
            try p.documentContent()
            return p.twoThreads.stopped ? nil : p.part
        } catch {
            return nil
        }
    }

    var part: Part {
        Part(fragment: fragment, diagnostics: diagnostics, keyCount: keys.count, nodeTable: nodeTable, nodeIDs: nodeIDs,
             nodeDeclaredAt: nodeDeclaredAt, edgeIDTable: edgeIDTable, edgeIDFirst: edgeIDFirst, edgeEnds: edgeEnds,
             reusedEdgeIDs: reusedEdgeIDs, unnamedEdges: unnamedEdges, renamedNodes: renamedNodes, notes: notes,
             noteOrder: noteOrder)
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

    /// Called at each start tag directly inside the top-level graph while a second half is being
    /// read: at its offset, merges it when the state matches (true: the whole file is read).
    mutating func reachSecondHalf() -> Bool {
        guard let half = twoThreads.secondHalf else { return false }
        let at = t.absolute(t.tokenStart)
        if at < half.offset { return false }
        twoThreads.secondHalf = nil
        guard at == half.offset, t.depth == 3, keys.count == half.keyCount else {
            _ = half.join(cancelling: true)
            return false
        }
        let here = t.location(at: t.tokenStart)
        guard here.column == half.column else {
            _ = half.join(cancelling: true)
            return false
        }
        guard let part = half.join(cancelling: false) else { return false }
        let ok = merge(part, line: here.line)
        if ok { twoThreads.mergedAt = half.offset }
        return ok
    }

    /// Stops a second half that is still being read (the file ended, or had an error, before its offset).
    mutating func abandonSecondHalf() {
        if let half = twoThreads.secondHalf {
            twoThreads.secondHalf = nil
            _ = half.join(cancelling: true)
        }
    }

    /// Appends `source`'s elements to `destination` by moving them, not copying (no reference
    /// counting per element: a million relations hold several million references), and empties
    /// `source`. `filler` takes the place of each moved element until `source` is released, so it
    /// should hold nothing that is counted (empty strings and collections).
    static func append<T>(moving source: inout [T], to destination: inout [T], leaving filler: T) {
        destination.reserveCapacity(destination.count + source.count)
        source.withUnsafeMutableBufferPointer { from in
            guard let base = from.baseAddress else { return }
            for k in 0..<from.count {
                destination.append((base + k).move())
                (base + k).initialize(to: filler)
            }
        }
        source = []
    }

    /// The table number of an edge id, in `edgeIDTable` or else after it in `twoThreads.laterEdgeIDs`.
    func edgeSlot(of id: String) -> Int32? {
        let bytes = Array(id.utf8)
        return bytes.withUnsafeBufferPointer { b in
            edgeIDTable.find(b) ?? twoThreads.laterEdgeIDs?.find(b).map { Int32(edgeIDTable.count) + $0 }
        }
    }

    /// Merges what the second half's reader found, whose line 1 is `line` here. False, changing
    /// nothing, when the halves disagree in a way only reading in one pass settles: an error in
    /// the second half, a key it declared, a node both declare, an edge id both use between the
    /// same two nodes.
    mutating func merge(_ part: consuming Part, line: Int) -> Bool {
        var b = part
        guard b.keyCount == keys.count, !b.diagnostics.hasErrors else { return false }
        // Where each of its node slots goes here.
        var slotHere = [Int32](repeating: -1, count: b.nodeIDs.count)
        var next = Int32(nodeIDs.count)
        for i in b.nodeIDs.indices {
            let found = b.nodeTable.withBytes(Int32(i)) { nodeTable.find($0) }
            if let s = found {
                if nodeDeclaredAt[Int(s)] != nil && b.nodeDeclaredAt[i] != nil { return false }
                slotHere[i] = s
            } else {
                slotHere[i] = next
                next += 1
            }
        }
        // Edge ids both halves use: fine between other nodes (made unique in finish()), an error
        // (first reported here) between the same two.
        var sharedID: [Int32: Int32] = [:]
        for j in 0..<Int32(b.edgeIDTable.count) {
            if let s = b.edgeIDTable.withBytes(j, { edgeIDTable.find($0) }) { sharedID[j] = s }
        }
        if !sharedID.isEmpty {
            let unnamed = Set(b.unnamedEdges)
            for (k, r) in b.fragment.relations.enumerated() where !unnamed.contains(k) {
                guard let j = Array(r.id.utf8).withUnsafeBufferPointer({ b.edgeIDTable.find($0) }), let s = sharedID[j] else { continue }
                let (fs, ft) = edgeEnds[Int(edgeIDFirst[Int(s)])]
                let (bs, bt) = b.edgeEnds[k]
                if fs == slotHere[Int(bs)] && ft == slotHere[Int(bt)] { return false }
            }
        }
        // From here on nothing can fail.
        func shift(_ l: FileLocation?) -> FileLocation? {
            guard var l else { return nil }
            l.line += line - 1
            return l
        }
        for i in b.nodeIDs.indices {
            let s = slotHere[i]
            if Int(s) == nodeIDs.count {
                _ = b.nodeTable.withBytes(Int32(i)) { nodeTable.insert($0) }
                nodeIDs.append(b.nodeIDs[i])
                nodeDeclaredAt.append(shift(b.nodeDeclaredAt[i]))
            } else if nodeDeclaredAt[Int(s)] == nil, let d = b.nodeDeclaredAt[i] {
                nodeDeclaredAt[Int(s)] = shift(d)
            }
        }
        let relationBase = fragment.relations.count
        // The second half's edge ids stay in its own table (copying them over costs more than
        // the rest of merging): an id both use is known here by this half's slot, one only the
        // second half uses by its slot there after this half's (see `edgeSlot(of:)`).
        let laterBase = Int32(edgeIDTable.count)
        for s in sharedID.values { reusedEdgeIDs[s] = true }
        for j in b.reusedEdgeIDs.keys { reusedEdgeIDs[sharedID[j] ?? laterBase + j] = true }
        twoThreads.laterEdgeIDs = b.edgeIDTable
        unnamedEdges += b.unnamedEdges.map { $0 + relationBase }
        edgeEnds += b.edgeEnds.map { (slotHere[Int($0.0)], slotHere[Int($0.1)]) }
        renamedNodes.merge(b.renamedNodes) { first, _ in first }

        var relations = b.fragment.relations
        b.fragment.relations = []
        if line > 1 {
            relations.withUnsafeMutableBufferPointer { all in
                for k in all.indices { all[k].location?.line += line - 1 }
            }
        }
        Self.append(moving: &relations, to: &fragment.relations, leaving: Relation(id: "", source: "", type: "", target: ""))
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
        fragment.vocabulary = fragment.vocabulary.merging(b.fragment.vocabulary)
        for (k, at) in b.fragment.vocabularyPlaces where fragment.vocabularyPlaces[k] == nil { fragment.vocabularyPlaces[k] = shift(at) }
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
        return true
    }
}
