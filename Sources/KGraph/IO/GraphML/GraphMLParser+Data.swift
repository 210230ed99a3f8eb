import Foundation

// The content of <data> elements: text (decoded straight from the tokenizer's buffer when it can
// be), yEd's drawn labels, values typed by their key, and the graph's own data.
extension GraphMLParser {
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
        // kgraph's lists (an entity's aliases) straight from the bytes: through `value`, a JSON
        // tree and a copy of the key took about 4,300 instructions each.
        if keys[k].json && !keys[k].infer, let list = InteropValues.strings(json: bytes) {
            return .list(list.map { .string($0) })
        }
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
        let k = keyIndex(a, domain: .graph)
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
}
