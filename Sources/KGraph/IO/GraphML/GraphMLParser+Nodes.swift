import Foundation

// Nodes: each becomes an entity, its <data> mapped by the keys' node roles.
extension GraphMLParser {
    /// The table slot of a node id, inserting it (as undeclared) when new.
    mutating func nodeSlot(_ a: XMLTokenizer.Attribute) -> Int32 {
        if !a.needsDecoding {
            let (slot, inserted) = nodeTable.insert(t.bytes(a.value))
            if inserted { nodeIDs.append(t.string(a.value, decoding: false)); nodeDeclaredAt.append(nil); nodeEntity.append(-1) }
            return slot
        }
        let s = t.string(a)
        let (slot, inserted) = Array(s.utf8).withUnsafeBufferPointer { nodeTable.insert($0) }
        if inserted { nodeIDs.append(s); nodeDeclaredAt.append(nil); nodeEntity.append(-1) }
        return slot
    }

    /// Whether a value of key `k` may be reported when read (`value(_:key:at:)`: one of a type
    /// other than text that does not fit it), and so needs the place of its `<data>`.
    private func mayReport(_ k: Int) -> Bool { keys[k].type != .string && !keys[k].json && !keys[k].infer }

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
        // The list of the node before, with its room: a list made and freed per node cost about
        // 1,300 instructions (its elements released one by one through their type's metadata).
        // Taken out of the parser, not used in place, as a node inside this one's graph needs its own.
        var values = EntityValues()
        swap(&values, &nodeValues)
        defer {
            values.removeAll()
            nodeValues = values
        }
        // Usually at most one value per key, and a parent.
        values.reserveCapacity(keys.count + 1)
        // The next node most likely starts with the same key: the hint for keyIndex.
        var firstKey = -1
        defer { if firstKey >= 0 { lastKey = firstKey - 1 } }
        while true {
            // Most nodes hold only `<data key="...">value</data>`: each read in one call.
            if prefix.isEmpty, let a = t.readPlainElement(dataElement) {
                let k = keyIndex(a, domain: .node)
                if firstKey < 0 { firstKey = k }
                keySetBy[k] = serial
                if !keys[k].yfiles {
                    // Where the <data> starts, found only for a value that may be reported.
                    let dataAt = mayReport(k) ? t.location(at: a.name.start - dataElement.attributeStart) : nil
                    withTextContent { p, text in values.add(p.keys[k].nodeRole, p.keys[k].name, p.dataValue(k, text, at: dataAt)) }
                }
                continue
            }
            switch try t.next() {
            case .startElement:
                if isG("data") {
                    let dataAt = t.tokenLocation()
                    guard let a = t.attribute("key") else { error("<data> without a key", at: dataAt); try t.skipElement(); continue }
                    let k = keyIndex(a, domain: .node)
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
                    nodeEntity[Int(slot)] = Int32(fragment.entities.count)
                    values.appendEntity(to: &fragment.entities, id: id, location: at)
                    let kgraphID = fragment.entities[fragment.entities.count - 1].id
                    if kgraphID != id { renamedNodes[id] = kgraphID }
                }
                return
            }
        }
    }
}
