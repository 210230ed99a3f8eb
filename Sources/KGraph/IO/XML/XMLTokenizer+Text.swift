import Foundation

// Text between tags: checked for references and ']]>', flagged for decoding when it holds
// references or CRs; whitespace between tags skipped when asked.
extension XMLTokenizer {
    mutating func scanText() throws(Scan) -> Token? {
        if depth == 0 {
            // Outside the root element only whitespace may stand.
            var p = pos
            while p < usable, Self.isSpace(buf[p]) { p += 1 }
            if p < usable && buf[p] != UInt8(ascii: "<") {
                throw fault(rootClosed ? "text after the root element" : "text before the root element", at: p)
            }
            pos = p
            return nil
        }
        // Whitespace-only text (indentation) is the common case between tags.
        let i = Self.spacesEnd(buf, from: pos, usable: usable)
        if skipsBlankText && i < usable && buf[i] == UInt8(ascii: "<") {
            pos = i
            return nil
        }
        guard let r = memchr(buf + i, Int32(UInt8(ascii: "<")), usable - i) else { throw .needMore }
        let end = UnsafeMutableRawPointer(buf).distance(to: r)
        if i == end && skipsBlankText {
            pos = end
            return nil
        }
        var decode = false
        if end - i <= 64 {
            // Short text (most values): one pass for references, CR and "]]>".
            var k = i
            while k < end {
                let b = buf[k]
                if b == UInt8(ascii: "&") {
                    k = try checkReference(at: k, limit: end)
                    decode = true
                    continue
                }
                if b == 0x0D { decode = true }
                else if b == UInt8(ascii: ">"), k >= pos + 2, buf[k - 1] == UInt8(ascii: "]"), buf[k - 2] == UInt8(ascii: "]") {
                    throw fault("']]>' is not allowed in text", at: k - 2)
                }
                k += 1
            }
            if i > pos && memchr(buf + pos, 0x0D, i - pos) != nil { decode = true }
            text = Span(start: pos, end: end)
            textIsCDATA = false
            textNeedsDecoding = decode
            pos = end
            return .text
        }
        // Long text: references, CR and "]]>", each found with memchr.
        var q = i
        while q < end, let a = memchr(buf + q, Int32(UInt8(ascii: "&")), end - q) {
            q = try checkReference(at: UnsafeMutableRawPointer(buf).distance(to: a), limit: end)
            decode = true
        }
        if memchr(buf + i, 0x0D, end - i) != nil || i > pos && memchr(buf + pos, 0x0D, i - pos) != nil { decode = true }
        q = i
        while q < end, let g = memchr(buf + q, Int32(UInt8(ascii: ">")), end - q) {
            let at = UnsafeMutableRawPointer(buf).distance(to: g)
            if at >= pos + 2, buf[at - 1] == UInt8(ascii: "]"), buf[at - 2] == UInt8(ascii: "]") {
                throw fault("']]>' is not allowed in text", at: at - 2)
            }
            q = at + 1
        }
        text = Span(start: pos, end: end)
        textIsCDATA = false
        textNeedsDecoding = decode
        pos = end
        return .text
    }

    /// Text from `start` up to the next `<`, checked as `scanText` checks it: returns the offset of
    /// that `<` (setting `decode` when the text holds references or CRs), or -1 when `scanText` must
    /// judge it (no `<` in the buffer yet, a bad reference, `]]>`).
    static func scanPlainText(_ b: UnsafeMutablePointer<UInt8>, from start: Int, usable u: Int,
                                      decode: inout Bool) -> Int {
        var k = start
        while true {
            k = firstTextSpecial(b, from: k, usable: u)
            guard k < u else { return -1 }
            switch b[k] {
            case UInt8(ascii: "<"):
                return k
            case UInt8(ascii: "&"):
                guard let next = referenceEnd(b, at: k, limit: u), next <= u else { return -1 }
                decode = true
                k = next
            case UInt8(ascii: ">"):
                if k >= start + 2 && b[k - 1] == UInt8(ascii: "]") && b[k - 2] == UInt8(ascii: "]") { return -1 }
                k += 1
            default:  // CR
                decode = true
                k += 1
            }
        }
    }

    /// The offset of the first `<`, `>`, `&` or CR at or after `k`, else `u`; eight bytes at a time.
    @inline(__always)
    static func firstTextSpecial(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int) -> Int {
        var k = k
        let raw = UnsafeRawPointer(b)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while k + 8 <= u {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self).littleEndian
            let xl = x & low
            // A lane of each sum lacks its high bit exactly where the byte matches (x's own high
            // bit rules out the non-ASCII bytes): `<` or `>` (0x3C | 2), `&`, CR.
            let angle = ((xl | 0x0202_0202_0202_0202) ^ 0x3E3E_3E3E_3E3E_3E3E) &+ low
            let amp = (xl ^ 0x2626_2626_2626_2626) &+ low
            let cr = (xl ^ 0x0D0D_0D0D_0D0D_0D0D) &+ low
            let hits = ~((angle & amp & cr) | x) & 0x8080_8080_8080_8080
            if hits != 0 { return k + hits.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < u {
            let c = b[k]
            if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "&") || c == 0x0D { return k }
            k += 1
        }
        return u
    }
}
