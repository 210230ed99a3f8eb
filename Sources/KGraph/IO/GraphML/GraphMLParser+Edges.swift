import Foundation

// Edges: each becomes a relation, its <data> mapped by the keys' edge roles, the common fields
// decoded straight from the bytes.
extension GraphMLParser {
    /// An `<edge>`: its ends (declared or not yet), its id (checked for reuse) and its `<data>`.
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
        var idSlot: Int32 = -1
        if let a = t.attribute("id") {
            idAttr = a
            let (slot, inserted) = a.needsDecoding
                ? Array(t.string(a).utf8).withUnsafeBufferPointer { edgeIDTable.insert($0) }
                : edgeIDTable.insert(t.bytes(a.value))
            id = t.string(a)
            if inserted {
                edgeIDFirst.append(Int32(relationIndex))
                edgeIDReused.append(false)
            } else {
                let first = Int(edgeIDFirst[Int(slot)])
                if edgeEnds.sources[first] == sourceSlot && edgeEnds.targets[first] == targetSlot {
                    error("duplicate edge id '\(id)' between the same two nodes (first at \(fragment.relations[first].location.map { "\($0)" } ?? "?"))",
                          at: t.location(at: a.value.start))
                    try t.skipElement()
                    return
                }
                if !edgeIDReused[Int(slot)] { edgeIDReused[Int(slot)] = true; reusedEdgeIDCount += 1 }
            }
            idSlot = slot
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
            // Most edges hold only `<data key="...">value</data>`: each read in one call.
            if prefix.isEmpty, let a = t.readPlainElement(dataElement) {
                let k = keyIndex(a, domain: .edge)
                if firstKey < 0 { firstKey = k }
                keySetBy[k] = serial
                if !keys[k].yfiles { withTextContent { p, text in p.addEdgeValue(k, text, at: at) } }
                continue
            }
            switch try t.next() {
            case .startElement:
                if isG("data") {
                    guard let a = t.attribute("key") else { error("<data> without a key", at: t.tokenLocation()); try t.skipElement(); continue }
                    let k = keyIndex(a, domain: .edge)
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
                let idKept = relationValues.appendRelation(to: &fragment.relations, id: id, source: nodeIDs[Int(sourceSlot)],
                                                           target: nodeIDs[Int(targetSlot)], location: at)
                // The id attribute's slot, unless an `id` <data> replaced it (that id is not renamed).
                edgeIDSlot.append(!id.isEmpty && idKept ? idSlot : -1)
                edgeEnds.sources.append(sourceSlot)
                edgeEnds.targets.append(targetSlot)
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
    /// `AttributeValue`, no table of texts): citations, dates, and choices (`confidence`, ...),
    /// and passes over a set date's precision; false when the value needs the general path.
    mutating func presetEdgeValue(_ role: EdgeRole, json: Bool, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch role {
        case .typeLabel:
            return true
        case .precision(let i):
            // Beside a date already set it is dropped (`RelationValues.setItems`): not kept at all.
            return relationValues.isPreset(i)
        case .field(let i):
            switch presets.kinds[i] {
            case .citations:
                // Plain ones packed from the bytes; any other list made into citations first.
                if let packed = InteropValues.plainCitations(json: bytes) {
                    relationValues.preset(i, citations: packed)
                    return true
                }
                guard let c = InteropValues.citations(json: bytes) else { return false }
                relationValues.preset(i, .citations(c))
            case .date:
                // A value the field does not take stays an attribute (`preset(_:text:)` keeps it).
                if !relationValues.presetDate(i, utf8: bytes) { relationValues.preset(i, text: String(decoding: bytes, as: UTF8.self)) }
            case .choice:
                // A word the field does not know takes the general path.
                guard relationValues.preset(i, utf8: bytes) else { return false }
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
    /// edges took, so that neither the list nor the table of edge ids is copied each time it grows.
    mutating func reserveRelations() {
        guard let size = source?.size, size >= 1 << 20 else { return }
        let perEdge = max(1, (t.offset - firstEdgeAt) / fragment.relations.count)
        let rest = max(0, size - t.offset) / perEdge
        fragment.relations.reserveCapacity(fragment.relations.count + rest + rest / 16)
        // A second half read on another thread numbers its edge ids in a table of its own: the
        // table here (zero-filled) is for the edges up to there (1,000,000-relation export: 8 MB, not 32).
        let own = max(0, (split.secondHalf?.offset ?? size) - t.offset) / perEdge
        // Room for as many more distinct ids as the edges so far had: a NetworkX file reuses a few
        // keys ("0", "1") on every edge, and room for one id per edge was 33 MB at 1,000,000,
        // standing empty at the end of the read, the load's peak. One id per edge keeps 1:1.
        let distinct = own * edgeIDTable.count / max(1, fragment.relations.count)
        edgeIDTable.reserveCapacity(edgeIDTable.count + distinct + distinct / 16)
    }
}
