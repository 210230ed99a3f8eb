import Foundation

// Locations: file:line:column computed on demand from a buffer offset, counting line feeds from
// the last checkpoint (columns count Unicode scalars), and errors placed there.
extension XMLTokenizer {
    /// Where a buffer offset is, as file:line:column (columns count Unicode scalars).
    mutating func location(at offset: Int) -> FileLocation {
        if offset < mark {
            mark = 0; markLine = baseLine; markColumn = baseColumn
        }
        Self.advance(buf, from: mark, to: offset, line: &markLine, column: &markColumn)
        mark = offset
        return FileLocation(file: file, line: markLine, column: markColumn)
    }

    /// Where the current token starts.
    mutating func tokenLocation() -> FileLocation { location(at: tokenStart) }

    /// An error at a buffer offset.
    mutating func error(_ message: String, at offset: Int) -> XMLSyntaxError {
        XMLSyntaxError(location: location(at: offset), message: message)
    }

    /// The absolute file offset of a buffer offset.
    func absolute(_ offset: Int) -> Int { base + offset }

    /// "line:column" of the open element at stack position `i`.
    mutating func openedAt(_ i: Int) -> String {
        if stack.line(i) > 0 { return "\(stack.line(i)):\(stack.column(i))" }
        let l = location(at: stack.offset(i) - base)
        return "\(l.line):\(l.column)"
    }

    static func advance(_ p: UnsafeMutablePointer<UInt8>, from a: Int, to b: Int, line: inout Int, column: inout Int) {
        guard b > a else { return }
        // Count line feeds sixteen bytes at a time: an exact zero-byte test on x ^ 0x0A... leaves a 1
        // in each byte lane that held one; the lanes are summed every 254 blocks of sixteen, before
        // they can overflow.
        var lines = 0
        var q = a
        let raw = UnsafeRawPointer(p)
        let lf = SIMD2<UInt64>(repeating: 0x0A0A_0A0A_0A0A_0A0A)
        let low = SIMD2<UInt64>(repeating: 0x7F7F_7F7F_7F7F_7F7F)
        let ones = SIMD2<UInt64>(repeating: 0x0101_0101_0101_0101)
        let evenBytes = SIMD2<UInt64>(repeating: 0x00FF_00FF_00FF_00FF)
        while q &+ 16 <= b {
            var counts = SIMD2<UInt64>()
            let stop = min(b, q &+ 16 * 254)
            while q &+ 32 <= stop {
                let x = raw.loadUnaligned(fromByteOffset: q, as: SIMD2<UInt64>.self) ^ lf
                let y = raw.loadUnaligned(fromByteOffset: q &+ 16, as: SIMD2<UInt64>.self) ^ lf
                counts &+= ((~(((x & low) &+ low) | x) &>> 7) & ones) &+ ((~(((y & low) &+ low) | y) &>> 7) & ones)
                q &+= 32
            }
            if q &+ 16 <= stop {
                let x = raw.loadUnaligned(fromByteOffset: q, as: SIMD2<UInt64>.self) ^ lf
                counts &+= (~(((x & low) &+ low) | x) &>> 7) & ones
                q &+= 16
            }
            let pairs = (counts & evenBytes) &+ ((counts &>> 8) & evenBytes)
            let sum = pairs[0] &+ pairs[1]
            lines += Int(truncatingIfNeeded: (sum &* 0x0001_0001_0001_0001) >> 48)
        }
        while q < b { if p[q] == 0x0A { lines += 1 }; q += 1 }
        var from = a
        if lines > 0 {
            line += lines
            column = 1
            var k = b - 1
            while p[k] != 0x0A { k -= 1 }
            from = k + 1
        }
        var n = 0
        for i in from..<b where p[i] & 0xC0 != 0x80 { n += 1 }
        column += n
    }

    func fault(_ message: String, at offset: Int) -> Scan {
        var copy = LocationProbe(buf: buf, baseLine: baseLine, baseColumn: baseColumn, file: file)
        return .failed(XMLSyntaxError(location: copy.location(at: offset), message: message))
    }
}

/// Computes a location from the start of the buffer, for errors raised where the tokenizer is not mutable.
private struct LocationProbe {
    let buf: UnsafeMutablePointer<UInt8>
    let baseLine: Int
    let baseColumn: Int
    let file: String

    mutating func location(at offset: Int) -> FileLocation {
        var line = baseLine, column = baseColumn
        var q = 0
        var lastNewline = -1
        while q < offset, let r = memchr(buf + q, 0x0A, offset - q) {
            line += 1
            lastNewline = UnsafeMutableRawPointer(buf).distance(to: r)
            q = lastNewline + 1
        }
        var from = 0
        if lastNewline >= 0 { column = 1; from = lastNewline + 1 }
        for i in from..<max(from, offset) where buf[i] & 0xC0 != 0x80 { column += 1 }
        return FileLocation(file: file, line: line, column: column)
    }
}
