import Foundation

// An element a format repeats thousands of times (GraphML's `<data key="...">value</data>`) read
// in one call: its start tag recognised by two loads, its text and end tag as `readTextContent`
// reads them. The general path (`next()`, then `readTextContent()`) costs a token's dispatch, a
// push and a pop on the element stack and an attribute lookup each time.
extension XMLTokenizer {
    /// The start of such an element's tag, `<NAME ATTRIBUTE="`, as words to compare with.
    struct PlainElement {
        let name: StaticString
        let first: UInt64, last: UInt64
        /// Bytes from the `<` through the opening quote (8 to 16); 0 when the head is not usable.
        let length: Int
        let attributeStart: Int, attributeEnd: Int
        /// The end tag `</NAME>` as the low bytes of a word, and a mask of them (0: longer than 8).
        let end: UInt64, endMask: UInt64, endLength: Int

        init(_ name: StaticString, attribute: StaticString) {
            self.name = name
            let head = [UInt8(ascii: "<")] + UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
                + [0x20] + UnsafeBufferPointer(start: attribute.utf8Start, count: attribute.utf8CodeUnitCount)
                + [UInt8(ascii: "="), UInt8(ascii: "\"")]
            attributeStart = name.utf8CodeUnitCount + 2
            attributeEnd = attributeStart + attribute.utf8CodeUnitCount
            let close = [UInt8(ascii: "<"), UInt8(ascii: "/")] + UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
                + [UInt8(ascii: ">")]
            endLength = close.count
            endMask = close.count <= 8 ? UInt64.max >> (64 - 8 * close.count) : 0
            end = close.count <= 8 ? close.reversed().reduce(0) { $0 << 8 | UInt64($1) } : 0
            guard head.count >= 8 && head.count <= 16 else {
                first = 0; last = 0; length = 0
                return
            }
            length = head.count
            first = head.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            last = head.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: head.count - 8, as: UInt64.self) }
        }
    }

    /// Reads, after any whitespace, an element `<NAME ATTRIBUTE="value">text</NAME>` written
    /// exactly so (one attribute, in double quotes, holding no reference; no space before `>`):
    /// the text becomes the current text token, as after `readTextContent()`, and the attribute
    /// is returned. Returns nil when anything else comes, or it is not whole in the buffer:
    /// `next()` then reads it. By then at most whitespace that `next()` would skip has been
    /// consumed, or the end tag of the open element (`</edge>` after its last `<data>`), plainly
    /// written, which `next()` then returns at once, as it does for an empty element.
    mutating func readPlainElement(_ e: PlainElement) -> Attribute? {
        guard fastPaths, skipsBlankText, !pendingEnd, stack.count > 0, stack.count < maxDepth, e.length > 0 else { return nil }
        let b = buf, u = usable, raw = UnsafeRawPointer(buf)
        let start = Self.spacesEnd(b, from: pos, usable: u)
        guard start &+ 16 <= u else { return nil }
        // Blank text before a tag is skipped by `next()` too.
        guard b[start] == UInt8(ascii: "<") else { return nil }
        pos = start
        guard raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) == e.first,
              raw.loadUnaligned(fromByteOffset: start &+ e.length &- 8, as: UInt64.self) == e.last else {
            if b[start &+ 1] == UInt8(ascii: "/") { takePlainEndTag() }
            return nil
        }
        let valueStart = start &+ e.length
        let valueEnd = Self.firstValueSpecial(b, from: valueStart, usable: u, quote: UInt8(ascii: "\""))
        guard valueEnd &+ 1 < u, b[valueEnd] == UInt8(ascii: "\""), b[valueEnd &+ 1] == UInt8(ascii: ">") else { return nil }
        let textStart = valueEnd &+ 2
        var decode = false
        let textEnd = Self.scanPlainText(b, from: textStart, usable: u, decode: &decode)
        guard textEnd >= 0, textEnd &+ 1 < u, b[textEnd &+ 1] == UInt8(ascii: "/") else { return nil }
        let name = UnsafeBufferPointer(start: e.name.utf8Start, count: e.name.utf8CodeUnitCount)
        // `</NAME>` in one compare; with spaces before its `>`, or near the buffer's end, by the scan.
        let after = e.endMask != 0 && textEnd &+ 8 <= u && raw.loadUnaligned(fromByteOffset: textEnd, as: UInt64.self).littleEndian & e.endMask == e.end
            ? textEnd &+ e.endLength : Self.scanPlainEndTag(b, at: textEnd &+ 2, usable: u, open: name)
        guard after >= 0 else { return nil }
        text = Span(start: textStart, end: textEnd)
        textIsCDATA = false
        textNeedsDecoding = decode
        self.name = Span(start: textEnd &+ 2, end: textEnd &+ 2 &+ name.count)
        tokenStart = textEnd
        pos = after
        return Attribute(name: Span(start: start &+ e.attributeStart, end: start &+ e.attributeEnd),
                         value: Span(start: valueStart, end: valueEnd), needsDecoding: false)
    }

    /// Consumes the end tag at `pos` when it closes the innermost open element and is plainly
    /// written and whole in the buffer, leaving that element to be closed by the next `next()`
    /// (as `scanEndTag` would have, without the token's dispatch); else leaves it for `next()`.
    private mutating func takePlainEndTag() {
        let open = stack.top
        let after = Self.scanPlainEndTag(buf, at: pos &+ 2, usable: usable, open: open)
        guard after >= 0 else { return }
        name = Span(start: pos &+ 2, end: pos &+ 2 &+ open.count)
        tokenStart = pos
        pos = after
        pendingEnd = true
    }
}
