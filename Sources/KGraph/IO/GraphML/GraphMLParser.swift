import Foundation

/// Reads GraphML in one pass over a tokenizer (see `GraphMLReader`).
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
    var elementSerial = 0

    var nodeTable = ByteTable(capacity: 1024)
    var nodeIDs: [String] = []
    var nodeDeclaredAt: [FileLocation?] = []
    var undeclaredFirstUse: FileLocation?

    var edgeIDTable = ByteTable(capacity: 1024)
    /// For each distinct edge id: the relation index that first used it.
    var edgeIDFirst: [Int32] = []
    var edgeEnds: [(Int32, Int32)] = []
    var reusedEdgeIDs: [Int32: Bool] = [:]
    var unnamedEdges: [Int] = []

    var relationValues = RelationValues()
    /// How `presetEdgeValue` decodes each relation field, made once per parser.
    let presets = EdgePresets()
    /// Nodes whose kgraph id differs from their GraphML id (ids GraphML could not carry).
    var renamedNodes: [String: String] = [:]
    var scratch: [UInt8] = []
    var labelScratch: [UInt8] = []
    var graphSeen = false
    var prefix = ""
    var notes: [String: (count: Int, at: FileLocation?)] = [:]
    var noteOrder: [String] = []

    /// The reader's bytes, for their size (and a two-thread read).
    var source: ByteSource?
    /// A big file's second half read on another thread (GraphMLReader+TwoThreads.swift).
    var twoThreads = TwoThreadState()
    /// File offset of the first edge, for estimating how many relations a big file holds.
    var firstEdgeAt = 0

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
    func isG(_ local: StaticString) -> Bool {
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
                        if twoThreads.ended { return }
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

    mutating func graph(parent: String?, top: Bool) throws(XMLSyntaxError) {
        var checked = 0
        while true {
            switch try t.next() {
            case .startElement:
                if top && twoThreadCheckpoint(counted: &checked) { return }
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
                if top { abandonSecondHalf() }
                return
            case .text: continue
            }
        }
    }

    mutating func key() throws(XMLSyntaxError) {
        let at = t.tokenLocation()
        guard let id = attr("id") else {
            error("<key> without an id", at: at)
            try t.skipElement()
            return
        }
        let domain = attr("for") ?? "all"
        let typeName = attr("attr.type") ?? "string"
        let isYFiles = t.attribute("yfiles.type") != nil
        let name = attr("attr.name") ?? id
        var type = GraphMLType(rawValue: typeName)
        if type == nil {
            error("key '\(id)' has attr.type '\(typeName)'; GraphML allows boolean, int, long, float, double and string",
                  at: t.location(at: t.attribute("attr.type")!.value.start))
            type = .string
        }
        var desc: String?
        var defaultText: String?
        var defaultAt: FileLocation?
        while true {
            switch try t.next() {
            case .startElement:
                if isG("desc") { desc = try elementText() }
                else if isG("default") { defaultAt = t.tokenLocation(); defaultText = try elementText() }
                else { try t.skipElement() }
            case .text:
                if !t.isWhitespace(t.text) {
                    note("text directly inside <key> is not a default value (GraphML wants <default>); ignored", at: t.tokenLocation())
                }
            case .endElement, .endOfDocument:
                var k = GraphMLKey(id: id, domain: domain, name: name, type: type!, defaultValue: nil,
                                   nodeRole: .foreign(name), edgeRole: .foreign(name), graphField: nil,
                                   json: false, yfiles: isYFiles, location: at)
                applyMarker(desc, to: &k)
                if k.graphField == nil {
                    switch name {
                    case "title", "name", "label": k.graphField = "title"
                    case "description", "Description": k.graphField = "description"
                    case "documents", "vocabulary": k.graphField = name
                    default: break
                    }
                }
                if isYFiles { k.nodeRole = .attribute; k.edgeRole = .attribute }
                if let defaultText {
                    k.defaultValue = value(defaultText, key: k, at: defaultAt)
                }
                declare(k, idBytes: Array(id.utf8))
                return
            }
        }
    }

    /// kgraph's own keys carry `{"kgraph": FIELD, ...}` in `<desc>`.
    func applyMarker(_ desc: String?, to k: inout GraphMLKey) {
        guard let desc, desc.hasPrefix("{"), let j = JSONParser.parse(desc), let field = j["kgraph"]?.string else { return }
        if let n = j["name"]?.string { k.name = n }
        if case .bool(true)? = j["json"] { k.json = true }
        if case .bool(true)? = j["infer"] { k.infer = true }
        if k.domain == "node", let i = InteropField.entityField(field) {
            k.nodeRole = .field(i)
            // Lists and maps are written as JSON text.
            if Entity.fields[i].value == .list || Entity.fields[i].value == .map { k.json = true }
            return
        }
        if k.domain == "edge", let role = EdgeRole.own(field) {
            k.edgeRole = role
            // Citations (and lists and maps) are written as JSON text.
            if case .field(let i) = role, [.citations, .list, .map].contains(Relation.fields[i].value) { k.json = true }
            return
        }
        switch (k.domain, field) {
        case ("node", "name"): k.nodeRole = .name(0)
        case ("node", "kind"): k.nodeRole = .kind(0)
        case ("node", "id"): k.nodeRole = .kgraphID
        case ("node", "attribute"): k.nodeRole = .attribute
        case ("edge", "id"): k.edgeRole = .kgraphID
        case ("edge", "attribute"): k.edgeRole = .attribute
        case ("graph", "title"), ("graph", "description"), ("graph", "documents"), ("graph", "vocabulary"):
            k.graphField = field
        default: break
        }
    }

    mutating func declare(_ k: GraphMLKey, idBytes: [UInt8]) {
        let (slot, inserted) = idBytes.withUnsafeBufferPointer { keyTable.insert($0) }
        if inserted { keyByDomain += [-1, -1, -1] }
        let domains: [Int]
        switch k.domain {
        case "all": domains = [0, 1, 2]
        case "node": domains = [0]
        case "edge": domains = [1]
        case "graph", "graphml": domains = [2]
        default: domains = []  // ports, hyperedges, endpoints: not read
        }
        for d in domains {
            let previous = Int(keyByDomain[Int(slot) * 3 + d])
            if previous >= 0, keys[previous].domain == k.domain || k.domain == "all" {
                error("key id '\(k.id)' is declared twice (first at \(keys[previous].location))", at: k.location)
                return
            }
        }
        let index = keys.count
        var k = k
        k.idBytes = idBytes
        keys.append(k)
        keySetBy.append(-1)
        for d in domains { keyByDomain[Int(slot) * 3 + d] = Int32(index) }
        if k.defaultValue != nil {
            if k.applies(to: "node") { nodeKeysWithDefaults.append(index) }
            if k.applies(to: "edge") { edgeKeysWithDefaults.append(index) }
        }
    }

    /// The key a `<data key=...>` names for a domain; an undeclared one is declared as text.
    mutating func keyIndex(_ a: XMLTokenizer.Attribute, domain: String) -> Int {
        // While every key has its own id (as almost always), the key with the id the data names is
        // the one `keyByDomain` gives, so it may be found by guessing: files repeat their keys in
        // the same order, so try the one after the last, then the one after that (a value left
        // out), then all. Ids used twice leave the choice to `slowKeyIndex` (a later key for nodes
        // overrides an earlier one for all).
        if !a.needsDecoding && keyTable.count == keys.count {
            let v = t.bytes(a.value)
            let n = keys.count
            let found = keys.withUnsafeBufferPointer { ks -> Int in
                // lastKey + 1, lastKey + 2, then every key (a few dozen at most).
                let tries = n <= 64 ? n + 2 : 2
                var i = 0
                while i < tries {
                    let k = i < 2 ? lastKey + 1 + i : i - 2
                    i += 1
                    guard k < n, ks[k].idBytes.count == v.count, ks[k].applies(to: domain) else { continue }
                    if ks[k].idBytes.withUnsafeBufferPointer({ Self.sameBytes($0, v) }) { return k }
                }
                return -1
            }
            if found >= 0 {
                lastKey = found
                return found
            }
        }
        let d = domain == "node" ? 0 : domain == "edge" ? 1 : 2
        let found = slowKeyIndex(a, d: d, domain: domain)
        lastKey = found
        return found
    }

    /// True when two byte strings of the same length are equal: short ones (ids) with a few
    /// overlapping loads, no call.
    @inline(__always) static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        guard n > 0 else { return true }
        let x = UnsafeRawPointer(a.baseAddress!), y = UnsafeRawPointer(b.baseAddress!)
        if n < 4 {
            for i in 0..<n where x.load(fromByteOffset: i, as: UInt8.self) != y.load(fromByteOffset: i, as: UInt8.self) { return false }
            return true
        }
        if n <= 8 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        var i = 0
        while i + 8 < n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    mutating func slowKeyIndex(_ a: XMLTokenizer.Attribute, d: Int, domain: String) -> Int {
        if !a.needsDecoding, let slot = keyTable.find(t.bytes(a.value)), keyByDomain[Int(slot) * 3 + d] >= 0 {
            return Int(keyByDomain[Int(slot) * 3 + d])
        }
        let id = t.string(a)
        let idBytes = Array(id.utf8)
        if let slot = idBytes.withUnsafeBufferPointer({ keyTable.find($0) }), keyByDomain[Int(slot) * 3 + d] >= 0 {
            return Int(keyByDomain[Int(slot) * 3 + d])
        }
        let at = t.location(at: a.value.start)
        note("data key '\(id)' is not declared; its values are kept as text attributes named '\(id)'", at: at)
        let k = GraphMLKey(id: id, domain: domain, name: id, type: .string, defaultValue: nil,
                           nodeRole: .foreign(id), edgeRole: .foreign(id), graphField: nil, json: false,
                           yfiles: false, location: at)
        declare(k, idBytes: idBytes)
        return Int(keyByDomain[Int(idBytes.withUnsafeBufferPointer { keyTable.find($0) }!) * 3 + d])
    }

    /// The text content of the current element (elements inside it are skipped).
    mutating func elementText() throws(XMLSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        t.skipsBlankText = false
        defer { t.skipsBlankText = true }
        while true {
            switch try t.next() {
            case .text: t.appendText(to: &scratch)
            case .startElement: try t.skipElement()
            case .endElement, .endOfDocument: return String(decoding: scratch, as: UTF8.self)
            }
        }
    }

    /// Reads a `<data>` element's content into `scratch`; yEd's drawn label, if any, into `labelScratch`.
    /// Returns false when the element held markup but no text of its own.
    mutating func dataContent() throws(XMLSyntaxError) -> (hasText: Bool, hasLabel: Bool) {
        scratch.removeAll(keepingCapacity: true)
        t.skipsBlankText = false
        defer { t.skipsBlankText = true }
        var sawMarkup = false
        var hasLabel = false
        while true {
            switch try t.next() {
            case .text: t.appendText(to: &scratch)
            case .startElement:
                sawMarkup = true
                if try findDrawnLabel() { hasLabel = true }
            case .endElement, .endOfDocument:
                return (!sawMarkup || scratch.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D) }, hasLabel)
            }
        }
    }

    /// Walks foreign markup for the first `*:NodeLabel` (yEd) and keeps its text.
    mutating func findDrawnLabel() throws(XMLSyntaxError) -> Bool {
        var found = false
        var depth = 1
        var inLabel = 0
        let isLabel = { (t: borrowing XMLTokenizer) -> Bool in
            let l = t.localName(t.name)
            return t.equals(l, "NodeLabel") || t.equals(l, "EdgeLabel")
        }
        if isLabel(t) { inLabel = 1; labelScratch.removeAll(keepingCapacity: true) }
        while depth > 0 {
            switch try t.next() {
            case .startElement:
                depth += 1
                if inLabel == 0 && !found && isLabel(t) { inLabel = depth; labelScratch.removeAll(keepingCapacity: true) }
            case .endElement:
                if inLabel == depth { inLabel = 0; found = !labelScratch.isEmpty }
                depth -= 1
            case .text:
                if inLabel > 0 && !found { t.appendText(to: &labelScratch) }
            case .endOfDocument: return found
            }
        }
        return found
    }

    /// Converts text to a key's type; text that does not fit stays text, with a warning.
    mutating func value(_ text: String, key k: GraphMLKey, at: FileLocation?) -> AttributeValue {
        if k.infer { return InteropValues.inferred(text) }
        if k.json {
            if let j = JSONParser.parse(text), let v = j.attributeValue { return v }
            return .string(text)
        }
        let trimmed = InteropValues.trimmed(text)
        switch k.type {
        case .string: return .string(text)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: break
            }
        case .int, .long:
            if let i = Int(trimmed) { return .int(i) }
        case .float, .double:
            if let d = Double(trimmed), d.isFinite { return .double(d) }
            if ["nan", "inf", "-inf", "infinity", "-infinity"].contains(trimmed.lowercased()) { return .string(trimmed) }
        }
        note("a value of key '\(k.id)' is not of its attr.type \(k.type.rawValue); kept as text", at: at)
        return .string(text)
    }

    /// The value of a `<data>` of key `k` whose (decoded) text is `bytes`.
    mutating func dataValue(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>, at: FileLocation?) -> AttributeValue {
        let text = String(decoding: bytes, as: UTF8.self)
        if keys[k].type == .string && !keys[k].json && !keys[k].infer { return .string(text) }
        return value(text, key: keys[k], at: at)
    }

    /// Calls `body` with the decoded text of the `<data>` whose content `readTextContent` just read:
    /// straight from the tokenizer's buffer when there is nothing to decode, else through `scratch`.
    mutating func withTextContent(_ body: (inout Self, UnsafeBufferPointer<UInt8>) -> Void) {
        if !t.textNeedsDecoding {
            body(&self, t.bytes(t.text))
            return
        }
        scratch.removeAll(keepingCapacity: true)
        t.appendText(to: &scratch)
        withScratch(body)
    }

    /// Calls `body` with the bytes `dataContent` left in `scratch`.
    mutating func withScratch(_ body: (inout Self, UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = scratch
        bytes.withUnsafeBufferPointer { body(&self, $0) }
    }

    mutating func graphData() throws(XMLSyntaxError) {
        let at = t.tokenLocation()
        guard let a = t.attribute("key") else { error("<data> without a key", at: at); try t.skipElement(); return }
        let k = keyIndex(a, domain: "graph")
        _ = try dataContent()
        let key = keys[k]
        let text = String(decoding: scratch, as: UTF8.self)
        switch key.graphField {
        case "title": if fragment.title == nil { fragment.title = text }
        case "description": if fragment.description == nil { fragment.description = text }
        case "documents":
            if let j = JSONParser.parse(text), let docs = InteropGraphData.documents(j) {
                fragment.documents += docs.map { var d = $0; d.location = at; return d }
            } else { error("the documents data is not a JSON list of documents", at: at) }
        case "vocabulary":
            if let j = JSONParser.parse(text), let v = InteropGraphData.vocabulary(j) {
                fragment.vocabulary = fragment.vocabulary.merging(v)
                for k in v.kinds { fragment.vocabularyPlaces["kind:" + k.id] = at }
                for ty in v.types { fragment.vocabularyPlaces["type:" + ty.id] = at }
            } else { error("the vocabulary data is not kgraph's vocabulary JSON", at: at) }
        default:
            if !key.yfiles {
                note("graph attribute '\(key.name)' is not kept: a kgraph graph has only a title, a description, documents and a vocabulary",
                     at: at)
            }
        }
    }

    // MARK: Nodes and edges

    /// The table slot of a node id, inserting it (as undeclared) when new.
    mutating func nodeSlot(_ a: XMLTokenizer.Attribute) -> Int32 {
        if !a.needsDecoding {
            let (slot, inserted) = nodeTable.insert(t.bytes(a.value))
            if inserted { nodeIDs.append(t.string(a.value, decoding: false)); nodeDeclaredAt.append(nil) }
            return slot
        }
        let s = t.string(a)
        let (slot, inserted) = Array(s.utf8).withUnsafeBufferPointer { nodeTable.insert($0) }
        if inserted { nodeIDs.append(s); nodeDeclaredAt.append(nil) }
        return slot
    }

    mutating func node(parent: String?) throws(XMLSyntaxError) {
        let at = t.tokenLocation()
        guard let idAttr = t.attribute("id") else {
            error("<node> without an id", at: at)
            try t.skipElement()
            return
        }
        let slot = nodeSlot(idAttr)
        let id = nodeIDs[Int(slot)]
        var duplicate = false
        if let first = nodeDeclaredAt[Int(slot)] {
            error("duplicate node id '\(id)' (first at \(first))", at: at)
            duplicate = true
        } else {
            nodeDeclaredAt[Int(slot)] = at
        }
        elementSerial += 1
        let serial = elementSerial
        var values = EntityValues()
        // The next node most likely starts with the same key: the hint for keyIndex.
        var firstKey = -1
        defer { if firstKey >= 0 { lastKey = firstKey - 1 } }
        while true {
            switch try t.next() {
            case .startElement:
                if isG("data") {
                    let dataAt = t.tokenLocation()
                    guard let a = t.attribute("key") else { error("<data> without a key", at: dataAt); try t.skipElement(); continue }
                    let k = keyIndex(a, domain: "node")
                    if firstKey < 0 { firstKey = k }
                    if t.readTextContent() {
                        keySetBy[k] = serial
                        if !keys[k].yfiles {
                            withTextContent { p, text in values.add(p.keys[k].nodeRole, p.keys[k].name, p.dataValue(k, text, at: dataAt)) }
                        }
                        continue
                    }
                    let (hasText, hasLabel) = try dataContent()
                    keySetBy[k] = serial
                    if hasLabel { values.add(NodeRole.drawnLabel, "label", .string(String(decoding: labelScratch, as: UTF8.self))) }
                    if hasText && !keys[k].yfiles {
                        withScratch { p, text in values.add(p.keys[k].nodeRole, p.keys[k].name, p.dataValue(k, text, at: dataAt)) }
                    }
                } else if isG("graph") {
                    try graph(parent: id, top: false)
                } else if isG("port") {
                    note("ports are not supported; skipped", at: t.tokenLocation())
                    try t.skipElement()
                } else {
                    try t.skipElement()
                }
            case .text: continue
            case .endElement, .endOfDocument:
                for k in nodeKeysWithDefaults where keySetBy[k] != serial {
                    values.add(keys[k].nodeRole, keys[k].name, keys[k].defaultValue!)
                }
                if let parent, !values.has("parent") { values.add(.attribute, "parent", .string(parent)) }
                if !duplicate {
                    let e = values.entity(id: id, location: at)
                    if e.id != id { renamedNodes[id] = e.id }
                    fragment.entities.append(e)
                }
                return
            }
        }
    }

    mutating func edge() throws(XMLSyntaxError) {
        let start = t.tokenStart
        guard let s = t.attribute("source"), let d = t.attribute("target") else {
            error("<edge> without \(t.attribute("source") == nil ? "a source" : "a target")", at: t.tokenLocation())
            try t.skipElement()
            return
        }
        let sourceSlot = nodeSlot(s)
        let targetSlot = nodeSlot(d)
        let relationIndex = fragment.relations.count
        var id = ""
        var idAttr: XMLTokenizer.Attribute?
        if let a = t.attribute("id") {
            idAttr = a
            let (slot, inserted) = a.needsDecoding
                ? Array(t.string(a).utf8).withUnsafeBufferPointer { edgeIDTable.insert($0) }
                : edgeIDTable.insert(t.bytes(a.value))
            id = t.string(a)
            if inserted {
                edgeIDFirst.append(Int32(relationIndex))
            } else {
                let first = Int(edgeIDFirst[Int(slot)])
                let (fs, ft) = edgeEnds[first]
                if fs == sourceSlot && ft == targetSlot {
                    error("duplicate edge id '\(id)' between the same two nodes (first at \(fragment.relations[first].location.map { "\($0)" } ?? "?"))",
                          at: t.location(at: a.value.start))
                    try t.skipElement()
                    return
                }
                reusedEdgeIDs[slot] = true
            }
        }
        let at = t.location(at: start)
        if idAttr == nil { unnamedEdges.append(relationIndex) }
        elementSerial += 1
        let serial = elementSerial
        relationValues.removeAll()
        // The next edge most likely starts with the same key: the hint for keyIndex.
        var firstKey = -1
        defer { if firstKey >= 0 { lastKey = firstKey - 1 } }
        while true {
            switch try t.next() {
            case .startElement:
                if isG("data") {
                    guard let a = t.attribute("key") else { error("<data> without a key", at: t.tokenLocation()); try t.skipElement(); continue }
                    let k = keyIndex(a, domain: "edge")
                    if firstKey < 0 { firstKey = k }
                    if t.readTextContent() {
                        keySetBy[k] = serial
                        if !keys[k].yfiles { withTextContent { p, text in p.addEdgeValue(k, text, at: at) } }
                        continue
                    }
                    let (hasText, _) = try dataContent()
                    keySetBy[k] = serial
                    if hasText && !keys[k].yfiles { withScratch { p, text in p.addEdgeValue(k, text, at: at) } }
                } else if isG("graph") {
                    note("a <graph> inside an <edge> is not supported; skipped", at: t.tokenLocation())
                    try t.skipElement()
                } else {
                    try t.skipElement()
                }
            case .text: continue
            case .endElement, .endOfDocument:
                for k in edgeKeysWithDefaults where keySetBy[k] != serial {
                    relationValues.add(keys[k].edgeRole, keys[k].name, keys[k].defaultValue!)
                }
                fragment.relations.append(relationValues.relation(id: id, source: nodeIDs[Int(sourceSlot)],
                                                                  target: nodeIDs[Int(targetSlot)], location: at))
                edgeEnds.append((sourceSlot, targetSlot))
                return
            }
        }
    }

    /// Adds the value of an edge's `<data>` of key `k`, whose (decoded) text is `bytes`.
    mutating func addEdgeValue(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>, at: FileLocation?) {
        // Citations and the like straight from the bytes: no String, no JSON tree.
        if presetEdgeValue(keys[k].edgeRole, json: keys[k].json, bytes) { return }
        if keys[k].type == .string && !keys[k].json && !keys[k].infer {
            // What dataValue gives, made once per distinct short text.
            relationValues.addText(keys[k].edgeRole, keys[k].name, bytes)
            return
        }
        relationValues.add(keys[k].edgeRole, keys[k].name, dataValue(k, bytes, at: at))
    }

    /// Decodes the values of the usual kinds of relation field straight from the bytes (no
    /// `AttributeValue`, no table of texts): citations, dates, and choices (`confidence`, ...);
    /// false when the value needs the general path.
    mutating func presetEdgeValue(_ role: EdgeRole, json: Bool, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch role {
        case .typeLabel:
            return true
        case .field(let i):
            switch presets.kinds[i] {
            case .citations:
                guard let c = InteropValues.citations(json: bytes) else { return false }
                relationValues.preset(i, .citations(c))
            case .date:
                // Checked (once) when the field is set; a value it does not take stays an attribute.
                relationValues.preset(i, .text(String(decoding: bytes, as: UTF8.self)))
            case .choice:
                guard let w = presets.word(i, bytes) else { return false }
                relationValues.preset(i, w)
            case .other:
                return false
            }
            return true
        default:
            return false
        }
    }

    // MARK: Room for big files

    static let edgesBeforeEstimate = 4096

    /// Reserves room for the relations a big file still holds, estimated from the bytes its first
    /// edges took, so that the list is not copied each time it grows (and, in the first half,
    /// has room for the second half's relations when they are merged).
    mutating func reserveRelations() {
        guard let size = source?.size, size >= 1 << 20 else { return }
        let perEdge = max(1, (t.offset - firstEdgeAt) / fragment.relations.count)
        let rest = max(0, size - t.offset) / perEdge
        fragment.relations.reserveCapacity(fragment.relations.count + rest + rest / 16)
    }

    // MARK: Finishing

    mutating func finish() {
        // Where the entity each node's edges name sits in `fragment.entities`, for `relationEnds`.
        var position = [Int32](repeating: -1, count: nodeIDs.count)
        for (k, e) in fragment.entities.enumerated() {
            var id = e.id
            if let slot = id.withUTF8({ nodeTable.find($0) }), position[Int(slot)] < 0 { position[Int(slot)] = Int32(k) }
        }
        if !renamedNodes.isEmpty {
            // Edges of a renamed node name its new id (below): the first entity with that id.
            let newIDs = Set(renamedNodes.values)
            var firstWith: [String: Int32] = [:]
            for (k, e) in fragment.entities.enumerated() where newIDs.contains(e.id) && firstWith[e.id] == nil { firstWith[e.id] = Int32(k) }
            for (old, new) in renamedNodes {
                var old = old
                if let slot = old.withUTF8({ nodeTable.find($0) }) { position[Int(slot)] = firstWith[new] ?? -1 }
            }
        }
        // Nodes only named by edges.
        var created = 0
        for (i, declared) in nodeDeclaredAt.enumerated() where declared == nil {
            if created == 0 { undeclaredFirstUse = firstUse(of: Int32(i)) }
            position[i] = Int32(fragment.entities.count)
            fragment.entities.append(Entity(id: nodeIDs[i], name: nodeIDs[i], kind: InteropField.defaultKind,
                                            location: undeclaredFirstUse))
            created += 1
        }
        fragment.relationEnds = edgeEnds.map { .init(source: position[Int($0.0)], target: position[Int($0.1)]) }
        if created > 0 {
            warn("\(created) node(s) are named by edges but never declared; they were created (as NetworkX and igraph do)",
                 at: undeclaredFirstUse)
        }
        // Edge ids reused between different node pairs: SOURCE-TARGET-ID.
        if !reusedEdgeIDs.isEmpty {
            var taken = Set(fragment.relations.map(\.id))
            var renamed = 0
            var firstAt: FileLocation?
            for i in fragment.relations.indices {
                let r = fragment.relations[i]
                guard !r.id.isEmpty, let slot = edgeSlot(of: r.id),
                      reusedEdgeIDs[slot] != nil else { continue }
                var new = r.source + "-" + r.target + "-" + r.id
                var n = 2
                while taken.contains(new) { new = r.source + "-" + r.target + "-" + r.id + "-" + String(n); n += 1 }
                taken.insert(new)
                fragment.relations[i].id = new
                if firstAt == nil { firstAt = r.location }
                renamed += 1
            }
            warn("\(reusedEdgeIDs.count) edge id(s) are reused between different node pairs (NetworkX writes multigraph keys "
                 + "as edge ids); the \(renamed) edges carrying them got ids SOURCE-TARGET-ID", at: firstAt)
        }
        // Edges without ids: e0, e1, ... by position, skipping ids the file uses.
        if !unnamedEdges.isEmpty {
            var taken = Set(fragment.relations.map(\.id))
            for i in unnamedEdges {
                var new = "e" + String(i)
                var n = 2
                while taken.contains(new) { new = "e" + String(i) + "-" + String(n); n += 1 }
                taken.insert(new)
                fragment.relations[i].id = new
            }
        }
        if !renamedNodes.isEmpty {
            for i in fragment.relations.indices {
                if let s = renamedNodes[fragment.relations[i].source] { fragment.relations[i].source = s }
                if let t = renamedNodes[fragment.relations[i].target] { fragment.relations[i].target = t }
            }
        }
        fragment.settleCountries()
        for key in noteOrder {
            let n = notes[key]!
            warn(n.count > 1 ? "\(key) (\(n.count) times)" : key, at: n.at)
        }
    }

    func firstUse(of slot: Int32) -> FileLocation? {
        for (i, e) in edgeEnds.enumerated() where e.0 == slot || e.1 == slot { return fragment.relations[i].location }
        return nil
    }
}
