/// A relation's citations as the relation holds them. Citations that are only a document and a
/// quote, as nearly all are, are packed into one block of bytes; any other list is kept as it is.
///
/// Why: as a list, a citation of a big imported graph took the list's block and its quote's String
/// block apart, 160 bytes and more for a relation citing once; packed it is one block of 80.
/// Strings are made when `citations` is read; the load's checks read counts, documents and sizes
/// without making any.
struct CitationList: Sendable, Hashable {
    // Unchecked: `ManagedBuffer` is not Sendable, but a packed block is never written once made.
    private enum Storage: @unchecked Sendable {
        case list([Citation])
        case packed(PackedCitations)
    }

    private let storage: Storage

    init(_ citations: [Citation]) {
        storage = PackedCitations.packing(citations).map { .packed($0) } ?? .list(citations)
    }

    /// No citations (what `init([])` gives).
    static var none: CitationList { CitationList(storage: .list([])) }

    private init(storage: Storage) { self.storage = storage }

    /// Plain citations from the UTF-8 text a reader read them from (`PackedCitations.packing`):
    /// none for no ranges; nil when they cannot be packed.
    init?(text: UnsafePointer<UInt8>, ranges: UnsafeBufferPointer<Range<Int>>) {
        if ranges.isEmpty { storage = .list([]); return }
        guard let block = PackedCitations.packing(text, ranges) else { return nil }
        storage = .packed(block)
    }

    /// The citations, made into values (and their quotes into Strings) when packed.
    var citations: [Citation] {
        switch storage {
        case .list(let c): c
        case .packed(let p): p.citations
        }
    }

    var count: Int {
        switch storage {
        case .list(let c): c.count
        case .packed(let p): p.count
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The document citation `i` cites.
    func document(at i: Int) -> String {
        switch storage {
        case .list(let c): c[i].document
        case .packed(let p): p.document(at: i)
        }
    }

    /// `body` given the UTF-8 bytes of the document citation `i` cites, without making a String.
    func withDocumentBytes<T>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        switch storage {
        case .list(let c):
            c[i].document.utf8.withContiguousStorageIfAvailable(body) ?? Array(c[i].document.utf8).withUnsafeBufferPointer(body)
        case .packed(let p): p.withDocumentBytes(at: i, body)
        }
    }

    /// Whether every citation is only a document and a quote: no speaker, day said or location.
    var isPlain: Bool {
        switch storage {
        case .list(let c): c.allSatisfy { $0.isPlain }
        case .packed: true
        }
    }

    /// The UTF-8 length of the longest text in the citations (document, quote or speaker).
    var longestText: Int {
        switch storage {
        case .list(let c): c.reduce(0) { max($0, $1.document.utf8.count, $1.quote.utf8.count, $1.speaker?.utf8.count ?? 0) }
        case .packed(let p): p.longestText
        }
    }

    static func == (a: CitationList, b: CitationList) -> Bool { a.citations == b.citations }
    func hash(into h: inout Hasher) { h.combine(citations) }
}

/// Plain citations in one block: a count (its top bit set when the offsets are 32-bit, else they
/// are 16-bit), then three offsets per citation into the text after them (the end of its
/// document, the start and the end of its quote), then the text. A citation's document starts
/// where the text before it ended; a quote equal to the one before it is not written again, its
/// offsets name the earlier one's (every second citation repeats the one before in the benchmark).
/// Immutable once made, so relations that share one never see each other's changes.
final class PackedCitations: ManagedBuffer<UInt32, UInt8> {
    private static let wideFlag: UInt32 = 1 << 31

    /// The citations packed; nil when there are none (an empty list takes no block) or one is not
    /// plain, or there are too many bytes for 32-bit offsets.
    static func packing(_ citations: [Citation]) -> PackedCitations? {
        guard !citations.isEmpty, citations.count < Int(wideFlag) else { return nil }
        // One pass to size the block, noting which of the first 64 quotes repeat the one before
        // (the rest are compared again while writing): each comparison costs more than the copy.
        var textBytes = 0
        var repeated: UInt64 = 0
        for i in citations.indices {
            guard citations[i].isPlain else { return nil }
            textBytes += citations[i].document.utf8.count
            if repeatsQuote(citations, i) {
                if i < 64 { repeated |= 1 << i }
            } else {
                textBytes += citations[i].quote.utf8.count
            }
        }
        guard textBytes <= Int(UInt32.max) else { return nil }
        return make(count: citations.count, textBytes: textBytes) { i, out in
            let document = copyUTF8(citations[i].document, to: out)
            if i < 64 ? repeated & (1 << i) != 0 : repeatsQuote(citations, i) { return (document, nil) }
            return (document, copyUTF8(citations[i].quote, to: out + document))
        }
    }

    /// Plain citations packed from the UTF-8 text they were read from: `ranges[2 * i]` is where
    /// citation `i`'s document is in `text`, `ranges[2 * i + 1]` its quote (a reader's tokens,
    /// unescaped, checked to be text). No String is made: a reader holding the bytes skips the
    /// list, the quotes' Strings and their release. Nil when there are none.
    static func packing(_ text: UnsafePointer<UInt8>, _ ranges: UnsafeBufferPointer<Range<Int>>) -> PackedCitations? {
        let n = ranges.count / 2
        guard n > 0, n < Int(wideFlag) else { return nil }
        func bytes(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text + ranges[k].lowerBound, count: ranges[k].count) }
        func repeats(_ i: Int) -> Bool {
            i > 0 && ranges[2 * i + 1].count == ranges[2 * i - 1].count && sameBytes(bytes(2 * i + 1), bytes(2 * i - 1))
        }
        var textBytes = 0
        for i in 0..<n { textBytes += ranges[2 * i].count + (repeats(i) ? 0 : ranges[2 * i + 1].count) }
        guard textBytes <= Int(UInt32.max) else { return nil }
        return make(count: n, textBytes: textBytes) { i, out in
            let document = ranges[2 * i].count
            out.update(from: text + ranges[2 * i].lowerBound, count: document)
            if repeats(i) { return (document, nil) }
            (out + document).update(from: text + ranges[2 * i + 1].lowerBound, count: ranges[2 * i + 1].count)
            return (document, ranges[2 * i + 1].count)
        }
    }

    /// A block for `count` citations with `textBytes` of text in all; `put(i, at)` writes citation
    /// `i`'s document at `at`, then its quote unless it repeats the one before, and says how many
    /// bytes each took (nil for a repeated quote).
    private static func make(count: Int, textBytes: Int,
                             put: (Int, UnsafeMutablePointer<UInt8>) -> (document: Int, quote: Int?)) -> PackedCitations {
        let wide = textBytes > Int(UInt16.max)
        let tableBytes = count * 3 * (wide ? 4 : 2)
        let block = unsafeDowncast(create(minimumCapacity: tableBytes + textBytes) { _ in
            UInt32(count) | (wide ? wideFlag : 0)
        }, to: PackedCitations.self)
        block.withUnsafeMutablePointerToElements { base in
            let table = UnsafeMutableRawPointer(base), text = base + tableBytes
            func offset(_ k: Int, _ value: Int) {
                if wide { table.storeBytes(of: UInt32(value), toByteOffset: 4 * k, as: UInt32.self) }
                else { table.storeBytes(of: UInt16(value), toByteOffset: 2 * k, as: UInt16.self) }
            }
            var end = 0
            var quote = (start: 0, end: 0)
            for i in 0..<count {
                let (document, quoteBytes) = put(i, text + end)
                end += document
                offset(3 * i, end)
                if let q = quoteBytes {
                    quote = (end, end + q)
                    end = quote.end
                }
                offset(3 * i + 1, quote.start)
                offset(3 * i + 2, quote.end)
            }
        }
        return block
    }

    /// Whether citation `i`'s quote has the same bytes as the one before it (not merely equal
    /// Strings: those compare canonically equivalent spellings equal).
    private static func repeatsQuote(_ c: [Citation], _ i: Int) -> Bool {
        i > 0 && sameScalars(c[i].quote, c[i - 1].quote)
    }

    private static func copyUTF8(_ s: String, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if let n = s.utf8.withContiguousStorageIfAvailable({ b in
            out.update(from: b.baseAddress!, count: b.count)
            return b.count
        }) { return n }
        var n = 0
        for byte in s.utf8 { out[n] = byte; n += 1 }
        return n
    }

    // The header is read through a pointer, never as `header`: that is a class's stored property,
    // and each read of it was a dynamic exclusivity check (3 per document looked up in a load).
    var count: Int { withUnsafeMutablePointerToHeader { Int($0.pointee & ~Self.wideFlag) } }

    /// The table of offsets, 16- or 32-bit: `offsets(k)` is offset `k`. A struct, not a closure:
    /// a closure's captures were put in a heap box on each lookup.
    private struct Offsets {
        let raw: UnsafeRawPointer
        let wide: Bool

        func callAsFunction(_ k: Int) -> Int {
            wide ? Int(raw.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))
                : Int(raw.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self))
        }
    }

    /// `body` given the number of citations, the table of offsets, and where the text starts.
    private func read<T>(_ body: (_ count: Int, _ offset: Offsets, _ text: UnsafePointer<UInt8>) -> T) -> T {
        withUnsafeMutablePointers { header, base in
            let n = Int(header.pointee & ~Self.wideFlag), wide = header.pointee & Self.wideFlag != 0
            return body(n, Offsets(raw: UnsafeRawPointer(base), wide: wide), UnsafePointer(base + n * 3 * (wide ? 4 : 2)))
        }
    }

    /// Where citation `i`'s document starts: where the text written before it ended.
    private static func documentStart(_ i: Int, _ offset: Offsets) -> Int {
        i == 0 ? 0 : max(offset(3 * i - 3), offset(3 * i - 1))
    }

    private static func string(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: text + start, count: end - start), as: UTF8.self)
    }

    func document(at i: Int) -> String {
        withDocumentBytes(at: i) { String(decoding: $0, as: UTF8.self) }
    }

    func withDocumentBytes<T>(at i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        read { n, offset, text in
            precondition(i >= 0 && i < n, "citation index out of range")
            let start = Self.documentStart(i, offset)
            return body(UnsafeBufferPointer(start: text + start, count: offset(3 * i) - start))
        }
    }

    var citations: [Citation] {
        read { n, offset, text in
            var out: [Citation] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                let document = Self.string(text, Self.documentStart(i, offset), offset(3 * i))
                // A repeated quote shares the String made for the one before, as when it was read.
                let quote = i > 0 && offset(3 * i + 1) == offset(3 * i - 2) && offset(3 * i + 2) == offset(3 * i - 1)
                    ? out[i - 1].quote : Self.string(text, offset(3 * i + 1), offset(3 * i + 2))
                out.append(Citation(document: document, quote: quote))
            }
            return out
        }
    }

    var longestText: Int {
        read { n, offset, _ in
            (0..<n).reduce(0) { longest, i in
                max(longest, offset(3 * i) - Self.documentStart(i, offset), offset(3 * i + 2) - offset(3 * i + 1))
            }
        }
    }
}
