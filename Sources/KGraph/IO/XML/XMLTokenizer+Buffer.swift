import Foundation

// The buffer: the source read in chunks, consumed bytes dropped, each chunk validated as it arrives.
extension XMLTokenizer {
    mutating func start() throws(XMLSyntaxError) {
        try refill()
        // A byte-order mark: UTF-8 is skipped; UTF-16 and UTF-32 are refused.
        if length >= 2, (buf[0] == 0xFE && buf[1] == 0xFF) || (buf[0] == 0xFF && buf[1] == 0xFE) {
            throw XMLSyntaxError(location: FileLocation(file: file, line: 1, column: 1),
                                 message: "the file is UTF-16; kgraph reads UTF-8 XML (convert it with iconv -f UTF-16 -t UTF-8)")
        }
        if usable >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
            pos = 3
            startOffset = 3
        }
    }

    /// Reads until more validated bytes follow `pos`; false at the end of the source (or at a bad byte).
    mutating func readMore() throws(XMLSyntaxError) -> Bool {
        let before = usable - pos
        while !sourceDone && invalidAt == nil {
            try refill()
            if usable - pos > before { return true }
        }
        return false
    }

    /// Drops consumed bytes, reads more and validates them.
    mutating func refill() throws(XMLSyntaxError) {
        if sourceDone { return }
        // Keep the current token; let the checkpoints pass over what is dropped.
        let keep = pos
        if keep > 0 {
            for i in 0..<stack.count where stack.line(i) == 0 && stack.offset(i) - base < keep {
                let l = location(at: stack.offset(i) - base)
                stack.setPlace(i, line: l.line, column: l.column)
            }
            if mark > keep { mark = 0; markLine = baseLine; markColumn = baseColumn }
            Self.advance(buf, from: mark, to: keep, line: &markLine, column: &markColumn)
            baseLine = markLine; baseColumn = markColumn
            mark = 0
            memmove(buf, buf + keep, length - keep)
            length -= keep
            usable -= keep
            if let bad = invalidAt { invalidAt = bad - keep }
            base += keep
            pos = 0
            tokenStart = 0
        }
        if length == capacity {
            // One token fills the buffer: past twice the value limit it is refused, not held whole.
            guard capacity < 2 * Limits.valueBytes else {
                throw XMLSyntaxError(location: location(at: 0), message: "text or a tag longer than \(capacity) bytes, "
                                     + "over the limit of \(Limits.valueBytes) bytes (16 MiB) for one value")
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buf, count: length)
            buf.deallocate()
            buf = bigger
            capacity *= 2
        }
        let n: Int
        do { n = try reader.read(into: buf + length, count: capacity - length) } catch {
            throw XMLSyntaxError(location: location(at: length), message: error.message)
        }
        if n == 0 { sourceDone = true } else { length += n }
        if invalidAt == nil { validate() }
    }
}
