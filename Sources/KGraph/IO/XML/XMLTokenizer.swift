import Foundation

/// A streaming, byte-level pull tokenizer for XML 1.0, written for untrusted files.
///
/// It reads the source in chunks (a large file is never held whole), validates UTF-8 and the XML
/// character range as bytes arrive, and checks well-formedness: one root element, matching tags,
/// attribute syntax (`'` or `"`), unique attribute names, comments, processing instructions, CDATA,
/// the five predefined entities and character references. Tokens refer to bytes in its buffer
/// (`Span`s); they are valid until the next call to `next()`.
///
/// Not supported, by design (each is refused with a located error):
/// - a document type declaration (`<!DOCTYPE`): no DTD is read, so no external entities (XXE) and
///   no entity expansion ("billion laughs") can happen;
/// - entity references other than `&lt; &gt; &amp; &apos; &quot;` and character references;
/// - encodings other than UTF-8 (and its ASCII subset);
/// - nesting deeper than `maxDepth` elements.
/// Namespaces are not resolved: names are returned as written (`y:ShapeNode`); callers match prefixes.
struct XMLTokenizer: ~Copyable {
    enum Token: Equatable { case startElement, endElement, text, endOfDocument }

    /// A range of bytes in the tokenizer's buffer.
    struct Span {
        var start: Int
        var end: Int
        var count: Int { end - start }
        static let empty = Span(start: 0, end: 0)
    }

    struct Attribute {
        var name: Span
        var value: Span
        /// True when the value holds references or whitespace that normalisation changes.
        var needsDecoding: Bool
    }

    let file: String
    let maxDepth: Int

    private let reader: ByteReader
    private var buf: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes read into `buf`.
    private var length = 0
    /// Bytes validated as UTF-8 XML characters: `[0, usable)`.
    private var usable = 0
    /// Where validation found a bad byte (buffer offset), and what is wrong with it.
    private var invalidAt: Int?
    private var invalidMessage = ""
    private var sourceDone = false
    private var pos = 0
    /// Absolute file offset of `buf[0]`.
    private var base = 0

    // Line and column of `buf[0]`, and of a later checkpoint, for locations computed on demand.
    private var baseLine = 1, baseColumn = 1
    private var mark = 0, markLine = 1, markColumn = 1

    // The current token.
    private(set) var name = Span.empty
    private let attributeBuffer: UnsafeMutablePointer<Attribute>
    private var attributeCount = 0
    /// The current start tag's attributes, in order.
    var attributes: UnsafeBufferPointer<Attribute> { UnsafeBufferPointer(start: attributeBuffer, count: attributeCount) }
    static let maxAttributes = 1024
    private(set) var isEmptyElement = false
    private(set) var text = Span.empty
    private(set) var textIsCDATA = false
    private(set) var textNeedsDecoding = false
    /// Buffer offset where the current token starts.
    private(set) var tokenStart = 0

    // Open elements: their names, back to back, and where each one starts in the file.
    private var stack: ElementStack
    private var pendingEnd = false
    private var seenRoot = false
    private var rootClosed = false
    private var startOffset = 0
    private var started = false

    /// When true, text that is all whitespace (indentation between tags) is not returned.
    var skipsBlankText = false

    /// When false, every token takes the general scan (tests compare the two).
    var fastPaths = true
    private var head = TagHead()

    /// Number of open elements (the current start tag included).
    var depth: Int { stack.count }

    /// A tokenizer over `source` from byte `offset` on (0: the whole document; see `resume(inside:column:)`).
    init(source: ByteSource, file: String, maxDepth: Int = Limits.documentNesting, chunkSize: Int = 1 << 20, startingAt offset: Int = 0) throws(XMLSyntaxError) {
        let opened: ByteReader
        do { opened = try source.open(at: offset) } catch {
            throw XMLSyntaxError(location: FileLocation(file: file, line: 1, column: 1), message: error.message)
        }
        self.file = file
        self.maxDepth = maxDepth
        reader = opened
        capacity = max(chunkSize, 1)
        buf = .allocate(capacity: capacity)
        attributeBuffer = .allocate(capacity: Self.maxAttributes)
        stack = ElementStack(capacity: maxDepth)
        base = offset
    }

    /// For a tokenizer that starts mid-document (`startingAt:` > 0): continue as if the elements
    /// named `open` (as written, outermost first) were open and the first byte stood at `column`;
    /// lines are counted from 1 there, so the caller shifts them once it knows that line.
    /// Reading the rest of a big file on another thread relies on it: the caller checks that
    /// reading the first part reaches `offset` in exactly this state, and otherwise discards the result.
    mutating func resume(inside open: [[UInt8]], column: Int) {
        started = true
        seenRoot = !open.isEmpty
        baseColumn = column
        markColumn = column
        for name in open {
            name.withUnsafeBufferPointer { stack.push($0.baseAddress!, $0.count, offset: base) }
            stack.setPlace(stack.count - 1, line: 1, column: column)
        }
    }

    /// The file offset where the next token starts.
    var offset: Int { base + pos }

    /// The name of the open element at depth `i` (0: the root), as written.
    func openName(_ i: Int) -> [UInt8]? {
        guard i < stack.count else { return nil }
        return Array(stack.name(i).utf8)
    }

    deinit {
        buf.deallocate()
        attributeBuffer.deallocate()
    }

    // MARK: Reading tokens

    private enum Scan: Error {
        case needMore
        case failed(XMLSyntaxError)
    }

    /// The next token; `.endOfDocument` once the root element is closed and only comments,
    /// processing instructions and whitespace follow.
    mutating func next() throws(XMLSyntaxError) -> Token {
        if !started {
            started = true
            try start()
        }
        if pendingEnd {
            pendingEnd = false
            popElement()
            return .endElement
        }
        while true {
            let start = pos
            tokenStart = pos
            do throws(Scan) {
                if let t = try scanToken() { return t }
            } catch {
                if case .failed(let e) = error { throw e }
                pos = start
                tokenStart = start
                if try readMore() { continue }
                // Nothing more will come.
                if let bad = invalidAt, bad == usable { throw self.error(invalidMessage, at: bad) }
                if pos < usable && buf[pos] == UInt8(ascii: "<") {
                    throw self.error("unexpected end of file inside " + describeTokenAt(pos), at: pos)
                }
                if !seenRoot { throw self.error("no root element: the file is empty or holds no XML element", at: pos) }
                if !rootClosed {
                    let n = stack.count
                    let openName = stack.name(n - 1)
                    let opened = openedAt(n - 1)
                    throw self.error("unexpected end of file: element <\(openName)> (opened at \(opened)) is not closed", at: usable)
                }
                return .endOfDocument
            }
        }
    }

    /// Skips the content of the element whose start tag was just returned, through its end tag.
    mutating func skipElement() throws(XMLSyntaxError) {
        let target = depth - 1
        while depth > target {
            if try next() == .endOfDocument { return }
        }
    }

    /// Reads the rest of the innermost open element when it is only text: the text (blank or not,
    /// possibly empty) becomes the current text token and the element's end tag is consumed, as if
    /// `next()` had returned `.text` and `.endElement`. Returns false, having read nothing, when
    /// markup (a comment, CDATA, a child element...) or anything malformed comes before the end
    /// tag, or the end tag is not yet in the buffer: `next()` then reads on and reports any error.
    /// Meant for right after a start tag, where most GraphML `<data>` hold just a value.
    mutating func readTextContent() -> Bool {
        guard fastPaths, started, stack.count > 0 else { return false }
        if pendingEnd {
            pendingEnd = false
            text = Span(start: pos, end: pos)
            textIsCDATA = false
            textNeedsDecoding = false
            popElement()
            return true
        }
        let start = pos
        var decode = false
        let end = Self.scanPlainText(buf, from: start, usable: usable, decode: &decode)
        guard end >= 0, end + 1 < usable, buf[end + 1] == UInt8(ascii: "/") else { return false }
        let open = stack.top
        let after = Self.scanPlainEndTag(buf, at: end + 2, usable: usable, open: open)
        guard after >= 0 else { return false }
        text = Span(start: start, end: end)
        textIsCDATA = false
        textNeedsDecoding = decode
        name = Span(start: end + 2, end: end + 2 + open.count)
        tokenStart = end
        pos = after
        popElement()
        return true
    }

    // MARK: Bytes

    /// The bytes of a span.
    func bytes(_ s: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buf + s.start, count: s.count)
    }

    /// True when the span holds exactly `literal` (ASCII).
    @inline(__always) func equals(_ s: Span, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard s.count == n else { return false }
        let l = literal.utf8Start
        var i = 0
        while i < n {
            if buf[s.start + i] != l[i] { return false }
            i += 1
        }
        return true
    }

    /// The local part of a name (`ShapeNode` for `y:ShapeNode`).
    func localName(_ s: Span) -> Span {
        var i = s.end - 1
        while i >= s.start { if buf[i] == UInt8(ascii: ":") { return Span(start: i + 1, end: s.end) }; i -= 1 }
        return s
    }

    /// True when the name has a namespace prefix.
    func hasPrefix(_ s: Span) -> Bool { memchr(buf + s.start, Int32(UInt8(ascii: ":")), s.count) != nil }

    /// The value of the current start tag's attribute `name`, if present.
    @inline(__always) func attribute(_ name: StaticString) -> Attribute? {
        let n = name.utf8CodeUnitCount, l = name.utf8Start, b = buf
        var i = 0
        while i < attributeCount {
            let a = attributeBuffer[i]
            if a.name.end - a.name.start == n {
                var k = 0
                while k < n && b[a.name.start + k] == l[k] { k += 1 }
                if k == n { return a }
            }
            i += 1
        }
        return nil
    }

    /// The text of a span as a String, decoded when needed (references, line ends, and for
    /// attributes the whitespace normalisation of XML 1.0 §3.3.3).
    func string(_ s: Span, decoding: Bool, attribute: Bool = false, cdata: Bool = false) -> String {
        if !decoding { return String(decoding: bytes(s), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        appendDecoded(s, attribute: attribute, cdata: cdata, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The string of an attribute's value.
    func string(_ a: Attribute) -> String { string(a.value, decoding: a.needsDecoding, attribute: true) }

    /// The current text token as a String.
    func textString() -> String { string(text, decoding: textNeedsDecoding, attribute: false, cdata: textIsCDATA) }

    /// Appends the current text token's decoded bytes.
    func appendText(to out: inout [UInt8]) {
        if textNeedsDecoding {
            appendDecoded(text, attribute: false, cdata: textIsCDATA, to: &out)
        } else {
            out.append(contentsOf: bytes(text))
        }
    }

    /// Appends the decoded bytes of a span. CDATA sections only have their line ends normalised.
    func appendDecoded(_ s: Span, attribute: Bool, cdata: Bool = false, to out: inout [UInt8]) {
        var i = s.start
        let end = s.end
        while i < end {
            // Copy the run of ordinary bytes in one go.
            var j = i
            if attribute {
                while j < end, buf[j] >= 0x20, buf[j] != UInt8(ascii: "&") { j += 1 }
            } else if cdata {
                while j < end, buf[j] != 0x0D { j += 1 }
            } else {
                while j < end, buf[j] != UInt8(ascii: "&"), buf[j] != 0x0D { j += 1 }
            }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(start: buf + i, count: j - i)) }
            i = j
            guard i < end else { break }
            let b = buf[i]
            switch b {
            case UInt8(ascii: "\r"):
                out.append(attribute ? 0x20 : 0x0A)
                i += (i + 1 < end && buf[i + 1] == 0x0A) ? 2 : 1
            case UInt8(ascii: "&"):
                // Already validated while scanning.
                var k = i + 1
                while buf[k] != UInt8(ascii: ";") { k += 1 }
                let ref = Span(start: i + 1, end: k)
                if buf[i + 1] == UInt8(ascii: "#") {
                    Self.appendUTF8(Self.characterReference(buf, ref) ?? 0xFFFD, to: &out)
                } else {
                    out.append(Self.predefinedEntity(buf, ref) ?? UInt8(ascii: "?"))
                }
                i = k + 1
            default:
                // Tab and LF in an attribute value become spaces.
                out.append(attribute && (b == 0x09 || b == 0x0A) ? 0x20 : b)
                i += 1
            }
        }
    }

    /// True when the span is all XML whitespace.
    func isWhitespace(_ s: Span) -> Bool {
        for i in s.start..<s.end where !Self.isSpace(buf[i]) { return false }
        return true
    }

    // MARK: Locations

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
    private mutating func openedAt(_ i: Int) -> String {
        if stack.line(i) > 0 { return "\(stack.line(i)):\(stack.column(i))" }
        let l = location(at: stack.offset(i) - base)
        return "\(l.line):\(l.column)"
    }

    private static func advance(_ p: UnsafeMutablePointer<UInt8>, from a: Int, to b: Int, line: inout Int, column: inout Int) {
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

    // MARK: Buffer

    private mutating func start() throws(XMLSyntaxError) {
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
    private mutating func readMore() throws(XMLSyntaxError) -> Bool {
        let before = usable - pos
        while !sourceDone && invalidAt == nil {
            try refill()
            if usable - pos > before { return true }
        }
        return false
    }

    /// Drops consumed bytes, reads more and validates them.
    private mutating func refill() throws(XMLSyntaxError) {
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

    /// Validates `[usable, length)`: UTF-8, and only characters XML allows (no C0 controls other
    /// than tab, LF and CR; no U+FFFE or U+FFFF). Stops before a sequence cut by the chunk's end.
    private mutating func validate() {
        var i = usable
        let n = length
        let p = UnsafeRawPointer(buf)
        let high: UInt64 = 0x8080_8080_8080_8080
        // For a word of ASCII bytes: the lanes below 0x20, and the lanes equal to zero (both exact).
        @inline(__always) func controls(_ w: UInt64) -> UInt64 { ~(w &+ 0x6060_6060_6060_6060) & high }
        @inline(__always) func zeros(_ w: UInt64) -> UInt64 { ~(w &+ 0x7F7F_7F7F_7F7F_7F7F) & high }
        let high2 = SIMD2<UInt64>(repeating: 0x8080_8080_8080_8080)
        @inline(__always) func controls2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> { ~(w &+ SIMD2(repeating: 0x6060_6060_6060_6060)) & high2 }
        @inline(__always) func zeros2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> { ~(w &+ SIMD2(repeating: 0x7F7F_7F7F_7F7F_7F7F)) & high2 }
        // Control characters other than tab, LF and CR among sixteen ASCII bytes.
        @inline(__always) func refused2(_ w: SIMD2<UInt64>) -> SIMD2<UInt64> {
            controls2(w) & ~(zeros2(w ^ SIMD2(repeating: 0x0A0A_0A0A_0A0A_0A0A)) | zeros2(w ^ SIMD2(repeating: 0x0909_0909_0909_0909))
                             | zeros2(w ^ SIMD2(repeating: 0x0D0D_0D0D_0D0D_0D0D)))
        }
        while i < n {
            // Thirty-two ASCII bytes at a time when their only control characters are tab, LF and CR.
            if i &+ 32 <= n {
                let a = p.loadUnaligned(fromByteOffset: i, as: SIMD2<UInt64>.self)
                let b = p.loadUnaligned(fromByteOffset: i &+ 16, as: SIMD2<UInt64>.self)
                let nonASCII = (a | b) & high2
                if nonASCII[0] | nonASCII[1] == 0 {
                    let c = controls2(a) | controls2(b)
                    if c[0] | c[1] == 0 {
                        i &+= 32
                        continue
                    }
                    let r = refused2(a) | refused2(b)
                    if r[0] | r[1] == 0 {
                        i &+= 32
                        continue
                    }
                }
            }
            // Sixteen.
            if i + 16 <= n {
                let w0 = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let w1 = p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                if (w0 | w1) & high == 0 {
                    let c0 = controls(w0), c1 = controls(w1)
                    if c0 | c1 == 0 {
                        i += 16
                        continue
                    }
                    let ok0 = zeros(w0 ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(w0 ^ 0x0909_0909_0909_0909) | zeros(w0 ^ 0x0D0D_0D0D_0D0D_0D0D)
                    let ok1 = zeros(w1 ^ 0x0A0A_0A0A_0A0A_0A0A) | zeros(w1 ^ 0x0909_0909_0909_0909) | zeros(w1 ^ 0x0D0D_0D0D_0D0D_0D0D)
                    if c0 & ~ok0 | c1 & ~ok1 == 0 {
                        i += 16
                        continue
                    }
                }
            }
            let b = buf[i]
            if b < 0x80 {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                    return fail(at: i, "character U+" + Self.hex(UInt32(b)) + " (a control character) is not allowed in XML")
                }
                i += 1
                continue
            }
            let need: Int
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07)
            default: return fail(at: i, "invalid UTF-8 (byte 0x" + Self.hex(UInt32(b), width: 2) + "); kgraph reads UTF-8 XML")
            }
            if i + need >= n {
                if !sourceDone { break }  // the rest of the sequence is in the next chunk
                return fail(at: i, "invalid UTF-8 (a sequence cut short by the end of the file)")
            }
            for k in 1...need {
                let c = buf[i + k]
                guard c & 0xC0 == 0x80 else {
                    return fail(at: i, "invalid UTF-8 (byte 0x" + Self.hex(UInt32(b), width: 2) + " not followed by a continuation byte)")
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return fail(at: i, "invalid UTF-8 (an overlong, surrogate or out-of-range sequence)")
            }
            if scalar == 0xFFFE || scalar == 0xFFFF {
                return fail(at: i, "character U+" + Self.hex(scalar) + " is not allowed in XML")
            }
            i += need + 1
        }
        usable = i
    }

    private mutating func fail(at i: Int, _ message: String) {
        usable = i
        invalidAt = i
        invalidMessage = message
    }

    private static func hex(_ v: UInt32, width: Int = 4) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    // MARK: Scanning

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
    }

    @inline(__always) private static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ":") || b >= 0x80
    }

    @inline(__always) private static func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: ".")
    }

    private func fault(_ message: String, at offset: Int) -> Scan {
        var copy = LocationProbe(buf: buf, baseLine: baseLine, baseColumn: baseColumn, file: file)
        return .failed(XMLSyntaxError(location: copy.location(at: offset), message: message))
    }

    /// One token, or nil for markup that yields none (comments, processing instructions, whitespace
    /// outside the root element).
    private mutating func scanToken() throws(Scan) -> Token? {
        if pos >= usable { throw .needMore }
        if buf[pos] != UInt8(ascii: "<") {
            return try scanText()
        }
        guard pos + 1 < usable else { throw .needMore }
        switch buf[pos + 1] {
        case UInt8(ascii: "/"):
            try scanEndTag()
            return .endElement
        case UInt8(ascii: "!"):
            return try scanBang()
        case UInt8(ascii: "?"):
            try scanProcessingInstruction()
            return nil
        default:
            try scanStartTag()
            return .startElement
        }
    }

    private mutating func scanText() throws(Scan) -> Token? {
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
    private static func scanPlainText(_ b: UnsafeMutablePointer<UInt8>, from start: Int, usable u: Int,
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
    private static func firstTextSpecial(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int) -> Int {
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

    /// The offset after a valid reference at `i` (`&...;` ending before `limit`), or nil.
    private static func referenceEnd(_ b: UnsafeMutablePointer<UInt8>, at i: Int, limit: Int) -> Int? {
        var j = i + 1
        while j < limit && j - i <= 40 && b[j] != UInt8(ascii: ";") { j += 1 }
        guard j < limit, b[j] == UInt8(ascii: ";"), j > i + 1 else { return nil }
        let ref = Span(start: i + 1, end: j)
        if b[i + 1] == UInt8(ascii: "#") {
            guard characterReference(b, ref) != nil else { return nil }
        } else if predefinedEntity(b, ref) == nil {
            return nil
        }
        return j + 1
    }

    /// Checks the reference at `i` (`&...;`) and returns the offset after it.
    private func checkReference(at i: Int, limit: Int) throws(Scan) -> Int {
        var j = i + 1
        while j < limit && j - i <= 40 && buf[j] != UInt8(ascii: ";") { j += 1 }
        guard j < limit, buf[j] == UInt8(ascii: ";"), j > i + 1 else {
            throw fault("'&' must start a reference such as &amp; (write a literal '&' as &amp;)", at: i)
        }
        let ref = Span(start: i + 1, end: j)
        if buf[i + 1] == UInt8(ascii: "#") {
            guard Self.characterReference(buf, ref) != nil else {
                throw fault("'&\(String(decoding: bytes(ref), as: UTF8.self));' is not a reference to a character XML allows", at: i)
            }
        } else if Self.predefinedEntity(buf, ref) == nil {
            throw fault("undefined entity '&\(String(decoding: bytes(ref), as: UTF8.self));': kgraph reads no DTD, so only "
                        + "&lt; &gt; &amp; &apos; &quot; and character references (&#...;) are defined", at: i)
        }
        return j + 1
    }

    /// The scalar a character reference (`#65`, `#x41`, without `&` and `;`) stands for, if XML allows it.
    static func characterReference(_ p: UnsafeMutablePointer<UInt8>, _ s: Span) -> UInt32? {
        var i = s.start + 1
        var radix: UInt32 = 10
        if i < s.end && p[i] == UInt8(ascii: "x") { radix = 16; i += 1 }
        guard i < s.end, s.end - i <= 8 else { return nil }
        var v: UInt32 = 0
        while i < s.end {
            let c = p[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v * radix + d
            i += 1
        }
        switch v {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return v
        default: return nil
        }
    }

    /// The byte one of the five predefined entities stands for.
    static func predefinedEntity(_ p: UnsafeMutablePointer<UInt8>, _ s: Span) -> UInt8? {
        func eq(_ lit: StaticString) -> Bool {
            s.count == lit.utf8CodeUnitCount && memcmp(p + s.start, lit.utf8Start, s.count) == 0
        }
        if eq("lt") { return UInt8(ascii: "<") }
        if eq("gt") { return UInt8(ascii: ">") }
        if eq("amp") { return UInt8(ascii: "&") }
        if eq("apos") { return UInt8(ascii: "'") }
        if eq("quot") { return UInt8(ascii: "\"") }
        return nil
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Scans a name at `p`; returns its end.
    @inline(__always) private func scanName(at p: Int, what: String) throws(Scan) -> Int {
        guard p < usable else { throw .needMore }
        guard Self.isNameStart(buf[p]) else {
            throw fault("expected \(what), found " + describeByte(at: p), at: p)
        }
        var q = p + 1
        while q < usable && Self.isNameChar(buf[q]) { q += 1 }
        if q >= usable { throw .needMore }
        return q
    }

    private func describeByte(at p: Int) -> String {
        let b = buf[p]
        if Self.isSpace(b) { return "whitespace" }
        if b < 0x80 { return "'" + String(UnicodeScalar(b)) + "'" }
        return "a non-ASCII character"
    }

    private mutating func scanStartTag() throws(Scan) {
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

    /// The start of the last plain start tag, up to and including its first attribute's opening
    /// quote (`<data key="`), when that is 8 to 16 bytes: the next tag very often starts with the
    /// same bytes, and then scanning them would find the same name and attribute name.
    struct TagHead {
        var first: UInt64 = 0, last: UInt64 = 0
        /// 0: none yet.
        var length = 0
        /// Offsets from the `<`: the element name's end, the attribute name's start and end.
        var nameEnd = 0, attributeStart = 0, attributeEnd = 0
    }

    /// The usual start tag, scanned with locals only: names, then attributes whose values hold no
    /// reference and no `<`, all of it in the buffer. Returns the offset after the tag, or -1 when
    /// the general scan must judge it (anything malformed or rarer, or a tag cut by the buffer's
    /// end); then nothing but the attribute buffer and `head` has been written.
    private static func scanPlainStartTag(_ b: UnsafeMutablePointer<UInt8>, at start: Int, usable u: Int,
                                          into attributes: UnsafeMutablePointer<Attribute>, count: inout Int,
                                          nameEnd: inout Int, empty: inout Bool, head: inout TagHead) -> Int {
        let raw = UnsafeRawPointer(b)
        var p: Int
        // The first attribute's name and quote when the head is the last tag's.
        var known: (an: Int, anEnd: Int, quote: UInt8)?
        if head.length != 0 && start &+ head.length <= u
            && raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) == head.first
            && raw.loadUnaligned(fromByteOffset: start &+ head.length &- 8, as: UInt64.self) == head.last {
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
                        head = TagHead(first: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                                       last: raw.loadUnaligned(fromByteOffset: p - 8, as: UInt64.self), length: length,
                                       nameEnd: nameEnd - start, attributeStart: an - start, attributeEnd: anEnd - start)
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
            var k = 0
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
        count = n
        return p
    }

    /// The offset after the name characters from `p` (letters first: most names are all letters).
    @inline(__always)
    private static func nameCharsEnd(_ b: UnsafeMutablePointer<UInt8>, from p: Int, usable u: Int) -> Int {
        var p = p
        while p < u {
            let c = b[p]
            if (c | 0x20) &- UInt8(ascii: "a") < 26 || isNameChar(c) { p += 1 } else { break }
        }
        return p
    }

    /// The offset after the whitespace from `k` (else `u`), eight bytes at a time. Validated bytes
    /// (before `usable`) below 0x20 are only tab, LF and CR, so whitespace is exactly `<= 0x20`.
    @inline(__always)
    private static func spacesEnd(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int) -> Int {
        var k = k
        let raw = UnsafeRawPointer(b)
        while k &+ 8 <= u {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self).littleEndian
            // A lane gets its high bit from a byte above 0x20, ASCII or not.
            let other = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | x) & 0x8080_8080_8080_8080
            if other != 0 { return k &+ other.trailingZeroBitCount >> 3 }
            k &+= 8
        }
        while k < u && isSpace(b[k]) { k &+= 1 }
        return k
    }

    /// The offset of the first `quote`, `&`, `<` or control character at or after `k`, else `u`;
    /// eight bytes at a time, as `firstTextSpecial`.
    @inline(__always)
    private static func firstValueSpecial(_ b: UnsafeMutablePointer<UInt8>, from k: Int, usable u: Int, quote: UInt8) -> Int {
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
    private mutating func scanAnyStartTag() throws(Scan) {
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

    private mutating func popElement() {
        stack.pop()
        if stack.count == 0 { rootClosed = true }
    }

    private mutating func scanEndTag() throws(Scan) {
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
    private static func scanPlainEndTag(_ b: UnsafeMutablePointer<UInt8>, at p: Int, usable u: Int,
                                        open: UnsafeBufferPointer<UInt8>) -> Int {
        let n = open.count
        guard p + n < u else { return -1 }
        var k = 0
        while k < n {
            if b[p + k] != open[k] { return -1 }
            k += 1
        }
        var q = p + n
        guard !isNameChar(b[q]) else { return -1 }
        while q < u && isSpace(b[q]) { q += 1 }
        guard q < u, b[q] == UInt8(ascii: ">") else { return -1 }
        return q + 1
    }

    /// Any end tag, with every check and its error.
    private mutating func scanAnyEndTag() throws(Scan) {
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

    /// Finds `terminator` (2 or 3 ASCII bytes) from `p`; returns its offset.
    private func find(_ terminator: StaticString, from p: Int) throws(Scan) -> Int {
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

    private func startsWith(_ literal: StaticString, at p: Int) throws(Scan) -> Bool {
        let n = literal.utf8CodeUnitCount
        if p + n > usable {
            // Decide early on a mismatch so short junk at the end of a file is reported as such.
            let have = usable - p
            if have > 0 && memcmp(buf + p, literal.utf8Start, have) != 0 { return false }
            throw .needMore
        }
        return memcmp(buf + p, literal.utf8Start, n) == 0
    }

    private mutating func scanBang() throws(Scan) -> Token? {
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

    private mutating func scanProcessingInstruction() throws(Scan) {
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
    private func checkDeclaration(_ s: Span) throws(Scan) {
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

    private func describeTokenAt(_ p: Int) -> String {
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
