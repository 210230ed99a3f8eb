import Foundation

/// Reads GraphML in one pass over a tokenizer (see `GraphMLReader`). This file holds its state and
/// the document's structure; the rest, in reading order: `+Keys` (key declarations, which key a
/// `<data>` names), `+Nodes`, `+Edges`, `+Data` (the values of `<data>`), `+Finish` (after the
/// last element); `GraphMLReader+TwoThreads` reads a big file's second half on another thread.
struct GraphMLParser: XMLGraphParser, ~Copyable {
    var t: XMLTokenizer
    let file: String
    var fragment: GraphFragment
    var diagnostics: [Diagnostic] = []

    var keys: [GraphMLKey] = []
    /// Key ids; each id may name one node key and one edge key (some writers reuse ids).
    var keyTable = ByteTable()
    /// For each key-id slot, the key for nodes, edges and the graph (-1: none).
    var keyByDomain: [Int32] = []
    var nodeKeysWithDefaults: [Int] = []
    var edgeKeysWithDefaults: [Int] = []
    /// For each key, the serial number of the element that last set it (for defaults).
    var keySetBy: [Int] = []
    /// The key the last `<data>` named.
    var lastKey = -1
    var keyCache = GraphMLKeyCache()
    var elementSerial = 0

    var nodeTable = ByteTable(capacity: 1024)
    var nodeIDs: [String] = []
    var nodeDeclaredAt: [FileLocation?] = []
    /// For each node slot, the position of its entity in `fragment.entities` (-1: none yet).
    var nodeEntity: [Int32] = []
    var undeclaredFirstUse: FileLocation?

    var edgeIDTable = ByteTable(capacity: 1024)
    /// For each distinct edge id: the relation index that first used it.
    var edgeIDFirst: [Int32] = []
    /// For each relation, the node slots of its ends; at `finish`, their entities' positions
    /// (`GraphFragment.relationEnds`).
    var edgeEnds = GraphFragment.RelationEnds()
    /// For each relation, the slot of its id in `edgeIDTable` (-1: the edge had none).
    var edgeIDSlot: [Int32] = []
    /// For each distinct edge id: true when edges between different node pairs use it.
    var edgeIDReused: [Bool] = []
    var reusedEdgeIDCount = 0
    var unnamedEdges: [Int] = []

    var relationValues = RelationValues()
    /// A node's values, kept between nodes with their room (`node()` takes it and gives it back).
    var nodeValues = EntityValues()
    /// How `presetEdgeValue` decodes each relation field, made once per parser.
    let presets = EdgePresets()
    /// GraphML's `<data key="...">`, for `XMLTokenizer.readPlainElement`.
    let dataElement = XMLTokenizer.PlainElement("data", attribute: "key")
    /// Nodes whose kgraph id differs from their GraphML id (ids GraphML could not carry).
    var renamedNodes: [String: String] = [:]
    var scratch: [UInt8] = []
    var labelScratch: [UInt8] = []
    var graphSeen = false
    var prefix = ""
    var notes: [String: (count: Int, at: FileLocation?)] = [:]
    var noteOrder: [String] = []

    /// The reader's bytes, for their size.
    var source: ByteSource?
    /// File offset of the first edge, for estimating how many relations a big file holds.
    var firstEdgeAt = 0
    /// The two-thread read's state (GraphMLReader+TwoThreads.swift); inert when reading by one thread.
    var split = SplitHook()

    init(_ tokenizer: consuming XMLTokenizer, file: String) {
        t = tokenizer
        t.skipsBlankText = true
        self.file = file
        fragment = GraphFragment(file: file, strictVocabulary: false)
        scratch.reserveCapacity(256)
    }

    // MARK: Helpers

    /// A warning reported once per `key`, with how many times it happened.
    mutating func note(_ key: String, at location: FileLocation?) {
        if let n = notes[key] { notes[key] = (n.count + 1, n.at) } else { notes[key] = (1, location); noteOrder.append(key) }
    }

    mutating func error(_ message: String, at location: FileLocation?) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    mutating func warn(_ message: String, at location: FileLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    /// True when the current element is the GraphML element `local`.
    /// Inlined: called from a mutating method, a call that is not inlined first copies the whole
    /// parser (1,208 bytes), once per element.
    @inline(__always) func isG(_ local: StaticString) -> Bool {
        if prefix.isEmpty { return t.equals(t.name, local) }
        let n = t.string(t.name, decoding: false)
        return n == prefix + ":" + local.description
    }

    func attr(_ name: StaticString) -> String? { t.attribute(name).map { t.string($0) } }

    // MARK: Structure

    mutating func document() throws(XMLSyntaxError) {
        guard try t.next() == .startElement else { return }
        let root = t.string(t.name, decoding: false)
        let local = t.string(t.localName(t.name), decoding: false)
        guard local == "graphml" else {
            throw XMLSyntaxError(location: t.tokenLocation(),
                                 message: "not a GraphML file: the root element is <\(root)>, expected <graphml>")
        }
        if t.hasPrefix(t.name) { prefix = String(root.dropLast(local.count + 1)) }
        try documentContent()
    }

    /// The root element's content.
    mutating func documentContent() throws(XMLSyntaxError) {
        while true {
            switch try t.next() {
            case .startElement:
                if isG("key") { try key() }
                else if isG("graph") {
                    if graphSeen {
                        note("only the first top-level <graph> is read (as igraph does); a later one was skipped", at: t.tokenLocation())
                        try t.skipElement()
                    } else {
                        graphSeen = true
                        try graph(parent: nil, top: true)
                        if split.ended { return }
                    }
                }
                else if isG("data") { try graphData() }
                else { try t.skipElement() }
            case .endElement:
                guard try t.next() == .endOfDocument else { return }
                return
            case .text: continue
            case .endOfDocument: return
            }
        }
    }

    /// A `<graph>`'s content: the top-level one, or one nested in node `parent` (yEd groups).
    mutating func graph(parent: String?, top: Bool) throws(XMLSyntaxError) {
        while true {
            switch try t.next() {
            case .startElement:
                if top && t.absolute(t.tokenStart) >= split.checkAt && splitCheckpoint() { return }
                if isG("node") { try node(parent: parent) }
                else if isG("edge") {
                    if fragment.relations.isEmpty { firstEdgeAt = t.absolute(t.tokenStart) }
                    try edge()
                    if fragment.relations.count == Self.edgesBeforeEstimate { reserveRelations() }
                }
                else if isG("key") { try key() }
                else if isG("data") {
                    if top { try graphData() } else { try t.skipElement() }
                }
                else if isG("hyperedge") {
                    note("hyperedges are not supported; skipped", at: t.tokenLocation())
                    try t.skipElement()
                }
                else if isG("graph") {
                    note("a <graph> directly inside a <graph> is not valid GraphML; skipped with its nodes and edges (as NetworkX and igraph do)",
                         at: t.tokenLocation())
                    try t.skipElement()
                }
                else { try t.skipElement() }
            case .endElement, .endOfDocument:
                return
            case .text: continue
            }
        }
    }
}
