import Foundation

// End tags: the one closing the innermost open element, and any other with its error.
extension XMLTokenizer {
    mutating func popElement() {
        stack.pop()
        if stack.count == 0 { rootClosed = true }
    }

    mutating func scanEndTag() throws(Scan) {
        if fastPaths && stack.count > 0 {
            let end = Self.scanPlainEndTag(buf, at: pos + 2, usable: usable, open: stack.top)
            if end >= 0 {
                name = Span(start: pos + 2, end: pos + 2 + stack.top.count)
                pos = end
                popElement()
                return
            }
        }
        try scanAnyEndTag()
    }

    /// The offset after the end tag whose name starts at `p` when it closes `open` (the innermost
    /// open element's name) and is whole in the buffer; -1 when the general scan must judge it.
    @inline(__always)
    static func scanPlainEndTag(_ b: UnsafeMutablePointer<UInt8>, at p: Int, usable u: Int,
                                        open: UnsafeBufferPointer<UInt8>) -> Int {
        let n = open.count
        guard p + n < u else { return -1 }
        guard sameBytes(UnsafeBufferPointer(start: b + p, count: n), open) else { return -1 }
        var q = p + n
        guard !isNameChar(b[q]) else { return -1 }
        while q < u && isSpace(b[q]) { q += 1 }
        guard q < u, b[q] == UInt8(ascii: ">") else { return -1 }
        return q + 1
    }

    /// Any end tag, with every check and its error.
    mutating func scanAnyEndTag() throws(Scan) {
        let nameStart = pos + 2
        let nameEnd = try scanName(at: nameStart, what: "an element name after '</'")
        var p = nameEnd
        while p < usable && Self.isSpace(buf[p]) { p += 1 }
        guard p < usable else { throw .needMore }
        guard buf[p] == UInt8(ascii: ">") else { throw fault("expected '>' to end the closing tag", at: p) }
        let n = nameEnd - nameStart
        guard stack.count > 0 else {
            throw fault("closing tag </\(String(decoding: bytes(Span(start: nameStart, end: nameEnd)), as: UTF8.self))> without an open element", at: pos)
        }
        if !stack.topMatches(buf + nameStart, n) {
            let open = stack.name(stack.count - 1)
            let here = String(decoding: bytes(Span(start: nameStart, end: nameEnd)), as: UTF8.self)
            throw fault("closing tag </\(here)> does not match <\(open)> (opened at \(openedAt(stack.count - 1)))", at: pos)
        }
        name = Span(start: nameStart, end: nameEnd)
        pos = p + 1
        popElement()
    }
}
