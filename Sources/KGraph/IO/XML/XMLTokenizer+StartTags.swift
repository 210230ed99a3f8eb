import Foundation

// Start tags: the usual ones scanned in one pass with locals only (and the last tag's head
// recognised by two loads), any other with every check and its error.
extension XMLTokenizer {
    mutating func scanStartTag() throws(Scan) {
        if fastPaths && !rootClosed && stack.count < maxDepth {
            var count = 0, nameEnd = 0, empty = false
            let end = Self.scanPlainStartTag(buf, at: pos, usable: usable, into: attributeBuffer, count: &count,
                                             nameEnd: &nameEnd, empty: &empty, head: &head)
            if end >= 0 {
                attributeCount = count
                isEmptyElement = empty
                name = Span(start: pos + 1, end: nameEnd)
                stack.push(buf + pos + 1, nameEnd - pos - 1, offset: base + pos)
                seenRoot = true
                pos = end
                pendingEnd = empty
                return
            }
        }
        try scanAnyStartTag()
    }

    /// The start of a plain start tag, up to and including its first attribute's opening quote
    /// (`<data key="`), when that is 8 to 16 bytes: a later tag very often starts with the same
    /// bytes, and then scanning them would find the same name and attribute name.
    struct TagHead {
        var first: UInt64 = 0, last: UInt64 = 0
        /// 0: none yet.
        var length = 0
        /// Offsets from the `<`: the element name's end, the attribute name's start and end.
        var nameEnd = 0, attributeStart = 0, attributeEnd = 0
        /// What joined the first attribute to the second and the second to the third in the last
        /// tag with this head (`" target="`): the same attributes usually follow.
        var second = TagJoin(), third = TagJoin()

        /// True when the tag at `start` begins with this head (two loads).
        @inline(__always) func begins(_ raw: UnsafeRawPointer, at start: Int, usable u: Int) -> Bool {
            length != 0 && start &+ length <= u
                && raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) == first
                && raw.loadUnaligned(fromByteOffset: start &+ length &- 8, as: UInt64.self) == last
        }
    }

    /// The bytes from an attribute value's closing quote through the next one's opening quote
    /// (`" target="`, 5 to 16 bytes), with that attribute's name.
    struct TagJoin {
        /// The first eight bytes (fewer: the rest of the word is masked off), and the last eight.
        var first: UInt64 = 0, firstMask: UInt64 = 0, last: UInt64 = 0
        /// 0: none.
        var length = 0
        /// Offsets from the closing quote: the attribute name's start and end.
        var attributeStart = 0, attributeEnd = 0

        init() {}

        /// The join of the attribute `next` to `previous`, if it is short enough.
        init(_ b: UnsafeMutablePointer<UInt8>, _ previous: Attribute, _ next: Attribute) {
            let q = previous.value.end, n = next.value.start - q
            guard n <= 16 else { return }
            func word(_ at: Int, _ count: Int) -> UInt64 {
                var w: UInt64 = 0, k = count
                while k > 0 { k -= 1; w = w << 8 | UInt64(b[at + k]) }
                return w
            }
            first = word(q, min(n, 8))
            firstMask = n >= 8 ? .max : UInt64.max >> (64 - 8 * n)
            last = n > 8 ? word(q + n - 8, 8) : 0
            length = n
            attributeStart = next.name.start - q
            attributeEnd = next.name.end - q
        }

        /// True when the bytes at `q` (a closing quote) are this join (one or two loads).
        @inline(__always) func matches(_ raw: UnsafeRawPointer, at q: Int, usable u: Int) -> Bool {
            length != 0 && q &+ 16 <= u
                && raw.loadUnaligned(fromByteOffset: q, as: UInt64.self).littleEndian & firstMask == first
                && (length <= 8 || raw.loadUnaligned(fromByteOffset: q &+ length &- 8, as: UInt64.self).littleEndian == last)
        }
    }

    /// The heads of the last two distinct plain start tags, the latest first: files alternate an
    /// element's tag with its children's (`<edge source="` then `<data key="`), and one head alone
    /// would miss both every time.
    struct TagHeads {
        var latest = TagHead(), older = TagHead()
    }

    /// The usual start tag, scanned with locals only: names, then attributes whose values hold no
    /// reference and no `<`, all of it in the buffer. Returns the offset after the tag, or -1 when
    /// the general scan must judge it (anything malformed or rarer, or a tag cut by the buffer's
    /// end); then nothing but the attribute buffer and `heads` has been written.
    static func scanPlainStartTag(_ b: UnsafeMutablePointer<UInt8>, at start: Int, usable u: Int,
                                          into attributes: UnsafeMutablePointer<Attribute>, count: inout Int,
                                          nameEnd: inout Int, empty: inout Bool, head heads: inout TagHeads) -> Int {
        let raw = UnsafeRawPointer(b)
        var p: Int
        // The first attribute's name and quote when the head is one of the last two tags'.
        var known: (an: Int, anEnd: Int, quote: UInt8)?
        var hit = heads.latest.begins(raw, at: start, usable: u)
        // Attributes read so far as the latest head's joins say (then their names are distinct);
        // whether that head is this tag's.
        var joined = 0, ownsHead = false
        if !hit && heads.older.begins(raw, at: start, usable: u) {
            swap(&heads.latest, &heads.older)
            hit = true
        }
        if hit {
            joined = 1
            ownsHead = true
            let head = heads.latest
            nameEnd = start &+ head.nameEnd
            p = start &+ head.length
            known = (start &+ head.attributeStart, start &+ head.attributeEnd, b[p &- 1])
        } else {
            p = start + 1
            guard p < u, isNameStart(b[p]) else { return -1 }
            p = nameCharsEnd(b, from: p + 1, usable: u)
            guard p < u else { return -1 }
            nameEnd = p
        }
        var n = 0
        while true {
            let an: Int, anEnd: Int, quote: UInt8
            if let k = known {
                (an, anEnd, quote) = k
                known = nil
            } else if joined == n && (n == 1 || n == 2), case let j = n == 1 ? heads.latest.second : heads.latest.third,
                      j.matches(raw, at: p &- 1, usable: u) {
                an = p &- 1 &+ j.attributeStart
                anEnd = p &- 1 &+ j.attributeEnd
                p = p &- 1 &+ j.length
                quote = b[p &- 1]
                joined += 1
            } else {
                let wsStart = p
                while p < u && isSpace(b[p]) { p += 1 }
                guard p < u else { return -1 }
                let c = b[p]
                if c == UInt8(ascii: ">") { empty = false; p += 1; break }
                if c == UInt8(ascii: "/") {
                    guard p + 1 < u, b[p + 1] == UInt8(ascii: ">") else { return -1 }
                    empty = true
                    p += 2
                    break
                }
                guard p > wsStart, isNameStart(c) else { return -1 }
                an = p
                p = nameCharsEnd(b, from: p + 1, usable: u)
                anEnd = p
                while p < u && isSpace(b[p]) { p += 1 }
                guard p < u, b[p] == UInt8(ascii: "=") else { return -1 }
                p += 1
                while p < u && isSpace(b[p]) { p += 1 }
                guard p < u else { return -1 }
                quote = b[p]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return -1 }
                p += 1
                if n == 0 {
                    let length = p - start
                    if length >= 8 && length <= 16 {
                        heads.older = heads.latest
                        heads.latest = TagHead(first: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                                       last: raw.loadUnaligned(fromByteOffset: p - 8, as: UInt64.self), length: length,
                                       nameEnd: nameEnd - start, attributeStart: an - start, attributeEnd: anEnd - start)
                        ownsHead = true
                    }
                }
            }
            let vStart = p
            var decode = false
            while true {
                p = firstValueSpecial(b, from: p, usable: u, quote: quote)
                guard p < u else { return -1 }
                let v = b[p]
                if v == quote { break }
                if v == UInt8(ascii: "&") || v == UInt8(ascii: "<") { return -1 }
                // Tab, LF or CR (validation let no other control character through).
                decode = true
                p += 1
            }
            let length = anEnd - an
            var k = joined > n ? n : 0
            while k < n {
                let other = attributes[k].name
                if other.end - other.start == length && memcmp(b + other.start, b + an, length) == 0 { return -1 }
                k += 1
            }
            guard n < maxAttributes else { return -1 }
            attributes[n] = Attribute(name: Span(start: an, end: anEnd), value: Span(start: vStart, end: p), needsDecoding: decode)
            n += 1
            p += 1
        }
        if ownsHead && joined < min(n, 3) {
            heads.latest.second = n > 1 ? TagJoin(b, attributes[0], attributes[1]) : TagJoin()
            heads.latest.third = n > 2 ? TagJoin(b, attributes[1], attributes[2]) : TagJoin()
        }
        count = n
        return p
    }

    /// The offset of the first `quote`, `&`, `<` or control character at or after `k`, else `u`;
    /// eight bytes at a time, as `firstTextSpecial`.
    @inline(__always)
    static func firstValueSpecial(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int, quote: UInt8) -> Int {
        var k = k
        let raw = UnsafeRawPointer(b)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let quotes = UInt64(quote) &* 0x0101_0101_0101_0101
        while k + 8 <= u {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self).littleEndian
            let xl = x & low
            // Below 0x20 exactly where xl + 0x60 lacks its high bit.
            let stops = ((xl ^ quotes) &+ low) & ((xl ^ 0x2626_2626_2626_2626) &+ low)
                & ((xl ^ 0x3C3C_3C3C_3C3C_3C3C) &+ low) & (xl &+ 0x6060_6060_6060_6060)
            let hits = ~(stops | x) & 0x8080_8080_8080_8080
            if hits != 0 { return k + hits.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < u {
            let c = b[k]
            if c == quote || c == UInt8(ascii: "&") || c == UInt8(ascii: "<") || c < 0x20 { return k }
            k += 1
        }
        return u
    }

    /// Any start tag, with every check and its error.
    mutating func scanAnyStartTag() throws(Scan) {
        if rootClosed { throw fault("a second root element: an XML document has exactly one", at: pos) }
        let nameStart = pos + 1
        let nameEnd = try scanName(at: nameStart, what: "an element name after '<'")
        attributeCount = 0
        var p = nameEnd
        while true {
            let wsStart = p
            while p < usable && Self.isSpace(buf[p]) { p += 1 }
            guard p < usable else { throw .needMore }
            let c = buf[p]
            if c == UInt8(ascii: ">") { p += 1; isEmptyElement = false; break }
            if c == UInt8(ascii: "/") {
                guard p + 1 < usable else { throw .needMore }
                guard buf[p + 1] == UInt8(ascii: ">") else { throw fault("expected '>' after '/' in a tag", at: p + 1) }
                p += 2
                isEmptyElement = true
                break
            }
            if p == wsStart {
                throw fault("expected whitespace, '>' or '/>' after \(attributeCount == 0 ? "the element name" : "an attribute value"), found "
                            + describeByte(at: p), at: p)
            }
            // name = "value" | 'value'
            let an = p
            let anEnd = try scanName(at: an, what: "an attribute name")
            p = anEnd
            while p < usable && Self.isSpace(buf[p]) { p += 1 }
            guard p < usable else { throw .needMore }
            guard buf[p] == UInt8(ascii: "=") else { throw fault("expected '=' after attribute name", at: p) }
            p += 1
            while p < usable && Self.isSpace(buf[p]) { p += 1 }
            guard p < usable else { throw .needMore }
            let quote = buf[p]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw fault("expected an attribute value in quotes (' or \")", at: p)
            }
            let vStart = p + 1
            guard vStart < usable, let r = memchr(buf + vStart, Int32(quote), usable - vStart) else { throw .needMore }
            let vEnd = UnsafeMutableRawPointer(buf).distance(to: r)
            var decode = false
            var i = vStart
            while i < vEnd {
                let b = buf[i]
                if b == UInt8(ascii: "&") {
                    i = try checkReference(at: i, limit: vEnd)
                    decode = true
                    continue
                }
                if b == UInt8(ascii: "<") { throw fault("'<' is not allowed in an attribute value (write &lt;)", at: i) }
                if b < 0x20 { decode = true }
                i += 1
            }
            let nameSpan = Span(start: an, end: anEnd)
            for k in 0..<attributeCount where attributeBuffer[k].name.count == nameSpan.count
                && memcmp(buf + attributeBuffer[k].name.start, buf + an, nameSpan.count) == 0 {
                throw fault("attribute '\(String(decoding: bytes(nameSpan), as: UTF8.self))' appears twice in one tag", at: an)
            }
            if attributeCount >= Self.maxAttributes { throw fault("more than \(Self.maxAttributes) attributes in one tag", at: an) }
            attributeBuffer[attributeCount] = Attribute(name: nameSpan, value: Span(start: vStart, end: vEnd), needsDecoding: decode)
            attributeCount += 1
            p = vEnd + 1
        }
        if stack.count >= maxDepth {
            throw fault("elements nested deeper than \(maxDepth) levels", at: pos)
        }
        name = Span(start: nameStart, end: nameEnd)
        stack.push(buf + nameStart, nameEnd - nameStart, offset: base + pos)
        seenRoot = true
        pos = p
        if isEmptyElement { pendingEnd = true }
    }
}
