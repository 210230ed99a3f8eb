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
///
/// This file holds its state and the reading of tokens; each concern is an extension of its own,
/// in reading order: `+Buffer` and `+Validation` (bytes in), `+Markup`, `+StartTags`, `+EndTags`,
/// `+Text`, `+Names`, `+References` (scanning), `+PlainElements` (a frequent element read in one
/// call), `+Values` (a token's bytes and strings) and `+Locations`. Its buffer state is internal rather than private only so that those files reach
/// it; nothing else touches it.
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

    let reader: ByteReader
    var buf: UnsafeMutablePointer<UInt8>
    var capacity: Int
    /// Bytes read into `buf`.
    var length = 0
    /// Bytes validated as UTF-8 XML characters: `[0, usable)`.
    var usable = 0
    /// Where validation found a bad byte (buffer offset), and what is wrong with it.
    var invalidAt: Int?
    var invalidMessage = ""
    var sourceDone = false
    var pos = 0
    /// Absolute file offset of `buf[0]`.
    var base = 0

    // Line and column of `buf[0]`, and of a later checkpoint, for locations computed on demand.
    var baseLine = 1, baseColumn = 1
    var mark = 0, markLine = 1, markColumn = 1

    // The current token.
    var name = Span.empty
    let attributeBuffer: UnsafeMutablePointer<Attribute>
    var attributeCount = 0
    /// The current start tag's attributes, in order.
    var attributes: UnsafeBufferPointer<Attribute> { UnsafeBufferPointer(start: attributeBuffer, count: attributeCount) }
    static let maxAttributes = 1024
    var isEmptyElement = false
    var text = Span.empty
    var textIsCDATA = false
    var textNeedsDecoding = false
    /// Buffer offset where the current token starts.
    var tokenStart = 0

    // Open elements: their names, back to back, and where each one starts in the file.
    var stack: ElementStack
    var pendingEnd = false
    var seenRoot = false
    var rootClosed = false
    var startOffset = 0
    var started = false

    /// When true, text that is all whitespace (indentation between tags) is not returned.
    var skipsBlankText = false

    /// When false, every token takes the general scan (tests compare the two).
    var fastPaths = true
    var head = TagHeads()

    /// Number of open elements (the current start tag included).
    var depth: Int { stack.count }

    /// A tokenizer over `source` from byte `offset` on (0: the whole document; see `resume(inside:column:)`).
    init(source: ByteSource, file: String, maxDepth: Int = Limits.documentNesting, chunkSize: Int = 1 << 20,
         startingAt offset: Int = 0) throws(XMLSyntaxError) {
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
    /// The two-thread GraphML read relies on it: the caller checks that reading the first part
    /// reaches `offset` in exactly this state, and otherwise discards the result.
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

    /// Why a scan stopped: it needs more bytes than the buffer holds (it is run again once they
    /// are read), or the input is malformed.
    enum Scan: Error {
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

    /// One token, or nil for markup that yields none (comments, processing instructions, whitespace
    /// outside the root element).
    mutating func scanToken() throws(Scan) -> Token? {
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
}
