import Foundation

// The keys of a GraphML file: their declarations (<key>, with kgraph's marker in <desc>) and
// the key a <data> names, found by guessing the next one in the file's order first.
extension GraphMLParser {
    /// A `<key>`: its id, domain, name and type, its `<desc>` (kgraph's marker) and `<default>`.
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

    /// Records a key under its id for each domain it applies to; an id declared twice for one domain is an error.
    mutating func declare(_ k: GraphMLKey, idBytes: [UInt8]) {
        keyCache.removeAll()
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
        k.domainBits = domains.reduce(0) { $0 | 1 << $1 }
        keys.append(k)
        keySetBy.append(-1)
        for d in domains { keyByDomain[Int(slot) * 3 + d] = Int32(index) }
        if k.defaultValue != nil {
            if k.applies(to: "node") { nodeKeysWithDefaults.append(index) }
            if k.applies(to: "edge") { edgeKeysWithDefaults.append(index) }
        }
    }

    /// The key a `<data key=...>` names for a domain; an undeclared one is declared as text.
    mutating func keyIndex(_ a: XMLTokenizer.Attribute, domain: GraphMLDomain) -> Int {
        guard t.fastPaths && !a.needsDecoding else { return guessedKeyIndex(a, domain: domain) }
        let id = t.bytes(a.value)
        if let k = keyCache.find(id, readable: t.usable - a.value.start, domain) { return k }
        let k = guessedKeyIndex(a, domain: domain)
        keyCache.add(id, domain, key: k)
        return k
    }

    /// `keyIndex` without the cache.
    mutating func guessedKeyIndex(_ a: XMLTokenizer.Attribute, domain: GraphMLDomain) -> Int {
        // While every key has its own id (as almost always), the key with the id the data names is
        // the one `keyByDomain` gives, so it may be found by guessing: files repeat their keys in
        // the same order, so try the one after the last, then the one after that (a value left
        // out), then all. Ids used twice leave the choice to `slowKeyIndex` (a later key for nodes
        // overrides an earlier one for all).
        if !a.needsDecoding && keyTable.count == keys.count {
            let v = t.bytes(a.value)
            let n = keys.count
            let bit = UInt8(1) << domain.rawValue
            let found = keys.withUnsafeBufferPointer { ks -> Int in
                // lastKey + 1, lastKey + 2, then every key (a few dozen at most).
                let tries = n <= 64 ? n + 2 : 2
                var i = 0
                while i < tries {
                    let k = i < 2 ? lastKey + 1 + i : i - 2
                    i += 1
                    guard k < n, ks[k].idBytes.count == v.count, ks[k].domainBits & bit != 0 else { continue }
                    if ks[k].idBytes.withUnsafeBufferPointer({ sameBytes($0, v) }) { return k }
                }
                return -1
            }
            if found >= 0 {
                lastKey = found
                return found
            }
        }
        let found = slowKeyIndex(a, domain: domain)
        lastKey = found
        return found
    }

    mutating func slowKeyIndex(_ a: XMLTokenizer.Attribute, domain: GraphMLDomain) -> Int {
        let d = domain.rawValue
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
        let k = GraphMLKey(id: id, domain: domain.name, name: id, type: .string, defaultValue: nil,
                           nodeRole: .foreign(id), edgeRole: .foreign(id), graphField: nil, json: false,
                           yfiles: false, location: at)
        declare(k, idBytes: idBytes)
        return Int(keyByDomain[Int(idBytes.withUnsafeBufferPointer { keyTable.find($0) }!) * 3 + d])
    }
}
