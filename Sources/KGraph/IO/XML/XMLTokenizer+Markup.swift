import Foundation

// Markup that is not an element: comments, CDATA sections, processing instructions and the XML
// declaration; a document type declaration is refused.
extension XMLTokenizer {
    /// Finds `terminator` (2 or 3 ASCII bytes) from `p`; returns its offset.
    func find(_ terminator: StaticString, from p: Int) throws(Scan) -> Int {
        let t = terminator.utf8Start
        let tn = terminator.utf8CodeUnitCount
        var q = p
        while q < usable {
            guard let r = memchr(buf + q, Int32(t[0]), usable - q) else { throw .needMore }
            let at = UnsafeMutableRawPointer(buf).distance(to: r)
            if at + tn > usable { throw .needMore }
            if memcmp(buf + at, t, tn) == 0 { return at }
            q = at + 1
        }
        throw .needMore
    }

    func startsWith(_ literal: StaticString, at p: Int) throws(Scan) -> Bool {
        let n = literal.utf8CodeUnitCount
        if p + n > usable {
            // Decide early on a mismatch so short junk at the end of a file is reported as such.
            let have = usable - p
            if have > 0 && memcmp(buf + p, literal.utf8Start, have) != 0 { return false }
            throw .needMore
        }
        return memcmp(buf + p, literal.utf8Start, n) == 0
    }

    mutating func scanBang() throws(Scan) -> Token? {
        if try startsWith("<!--", at: pos) {
            let dashes = try find("--", from: pos + 4)
            guard dashes + 2 < usable else { throw .needMore }
            guard buf[dashes + 2] == UInt8(ascii: ">") else { throw fault("'--' is not allowed inside a comment", at: dashes) }
            pos = dashes + 3
            return nil
        }
        if try startsWith("<![CDATA[", at: pos) {
            guard depth > 0 else { throw fault("CDATA section outside the root element", at: pos) }
            let s = pos + 9
            let e = try find("]]>", from: s)
            text = Span(start: s, end: e)
            textIsCDATA = true
            textNeedsDecoding = memchr(buf + s, 0x0D, e - s) != nil
            pos = e + 3
            return .text
        }
        if try startsWith("<!DOCTYPE", at: pos) {
            throw fault("document type declarations (<!DOCTYPE ...>) are not accepted: kgraph reads no DTD, "
                        + "so no external entities and no entity expansion (this blocks XXE and 'billion laughs' files)", at: pos)
        }
        throw fault("unknown markup '<!': expected a comment (<!-- -->) or a CDATA section", at: pos)
    }

    mutating func scanProcessingInstruction() throws(Scan) {
        let targetStart = pos + 2
        let targetEnd = try scanName(at: targetStart, what: "a processing-instruction target after '<?'")
        let target = Span(start: targetStart, end: targetEnd)
        let isXML = target.count == 3 && (buf[targetStart] | 0x20) == UInt8(ascii: "x")
            && (buf[targetStart + 1] | 0x20) == UInt8(ascii: "m") && (buf[targetStart + 2] | 0x20) == UInt8(ascii: "l")
        let end = try find("?>", from: targetEnd)
        if isXML {
            guard base + pos == startOffset, equals(target, "xml") else {
                throw fault("the XML declaration (<?xml ...?>) may only stand at the very start of the file", at: pos)
            }
            try checkDeclaration(Span(start: targetEnd, end: end))
        } else if targetEnd < end && !Self.isSpace(buf[targetEnd]) {
            throw fault("expected whitespace after the processing-instruction target", at: targetEnd)
        }
        pos = end + 2
    }

    /// `version="1.x"`, then optional `encoding` (UTF-8 only) and `standalone` (`yes` or `no`),
    /// in that order (XML 1.0 §2.8).
    func checkDeclaration(_ s: Span) throws(Scan) {
        var p = s.start
        var seen: [String] = []
        while p < s.end {
            let wsStart = p
            while p < s.end && Self.isSpace(buf[p]) { p += 1 }
            if p >= s.end { break }
            if p == wsStart { throw fault("malformed XML declaration: expected whitespace", at: p) }
            let ns = p
            while p < s.end && Self.isNameChar(buf[p]) { p += 1 }
            let name = String(decoding: bytes(Span(start: ns, end: p)), as: UTF8.self)
            while p < s.end && Self.isSpace(buf[p]) { p += 1 }
            guard p < s.end, buf[p] == UInt8(ascii: "=") else { throw fault("malformed XML declaration", at: p) }
            p += 1
            while p < s.end && Self.isSpace(buf[p]) { p += 1 }
            guard p < s.end, buf[p] == UInt8(ascii: "\"") || buf[p] == UInt8(ascii: "'") else {
                throw fault("malformed XML declaration: expected a quoted value", at: p)
            }
            let q = buf[p]
            let vs = p + 1
            var ve = vs
            while ve < s.end && buf[ve] != q { ve += 1 }
            guard ve < s.end else { throw fault("malformed XML declaration: unclosed quote", at: p) }
            let value = Array(bytes(Span(start: vs, end: ve)))
            let text = String(decoding: value, as: UTF8.self)
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            switch name {
            case "version" where seen.isEmpty:
                guard value.count > 2, value[0] == UInt8(ascii: "1"), value[1] == UInt8(ascii: "."), value.dropFirst(2).allSatisfy(isDigit) else {
                    throw fault("malformed XML declaration: version '\(text)' (expected 1.0)", at: vs)
                }
            case "encoding" where seen == ["version"]:
                guard let f = value.first, isLetter(f), value.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }) else {
                    throw fault("malformed XML declaration: encoding name '\(text)'", at: vs)
                }
                guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(text.lowercased()) else {
                    throw fault("encoding '\(text)' is not supported: kgraph reads UTF-8 XML (convert with iconv -f \(text) -t UTF-8)", at: vs)
                }
            case "standalone" where seen.first == "version" && !seen.contains("standalone"):
                guard text == "yes" || text == "no" else { throw fault("malformed XML declaration: standalone must be yes or no", at: vs) }
            default:
                throw fault(seen.isEmpty && name != "version" ? "the XML declaration must start with version=\"1.0\""
                            : "malformed XML declaration: unexpected '\(name)'", at: ns)
            }
            seen.append(name)
            p = ve + 1
        }
        if seen.isEmpty { throw fault("the XML declaration lacks version=\"1.0\"", at: s.start) }
    }

    func describeTokenAt(_ p: Int) -> String {
        guard buf[p] == UInt8(ascii: "<") else { return "text (an element is not closed)" }
        guard p + 1 < usable else { return "a tag" }
        switch buf[p + 1] {
        case UInt8(ascii: "!"):
            if p + 3 < usable && buf[p + 2] == UInt8(ascii: "-") { return "a comment" }
            if p + 2 < usable && buf[p + 2] == UInt8(ascii: "[") { return "a CDATA section" }
            return "a declaration"
        case UInt8(ascii: "?"): return "a processing instruction"
        case UInt8(ascii: "/"): return "a closing tag"
        default: return "a tag"
        }
    }
}
