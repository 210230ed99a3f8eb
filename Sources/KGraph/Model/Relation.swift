/// A dated, cited fact between two entities. Two entities may share many relations.
public struct Relation: Hashable, Sendable {
    /// The relation's id. One a reader derived from the ends (`deriveID(suffix:)`) is made when read.
    public var id: String {
        get { facts.derivation == 0 ? storedID : derivedID() }
        set { storedID = newValue; facts.derivation = 0 }
    }
    /// Entity id at the tail.
    public var source: String {
        @inline(__always) get { storedSource }
        set { keepID(); storedSource = newValue }
    }
    /// Relation type id from the vocabulary.
    public var type: String
    /// Entity id at the head.
    public var target: String {
        @inline(__always) get { storedTarget }
        set { keepID(); storedTarget = newValue }
    }
    /// The id; for an id derived from the ends, its last part (`deriveID(suffix:)`).
    private var storedID: String
    private var storedSource: String
    private var storedTarget: String
    public var sources: [Citation] {
        get { citationList.citations }
        set { citationList = CitationList(newValue) }
    }
    /// The citations as held: plain ones packed in one block (`CitationList`), whose count,
    /// documents and sizes the load reads without making Strings, and which readers fill from bytes.
    var citationList: CitationList
    public var location: FileLocation?
    // A big graph holds a million relations, so what is small is packed: the citations (above), the
    // dates, confidence, assertion and provenance share one word (`Facts`), and the attributes and note, which few
    // relations carry, sit apart. 112 bytes a relation instead of 144 (32 MB less at 1,000,000 relations).
    private var facts: Facts
    private var rare: Rare?

    /// Values of fields kgraph does not model, by name.
    public var attributes: [String: AttributeValue] {
        get { rare?.attributes ?? [:] }
        set { rare = Rare.holding(attributes: newValue, note: note) }
    }

    public var time: TimeSpan? {
        get { facts.time }
        set { facts.time = newValue }
    }
    /// How sure the author is; nil when none was recorded (a relation read from a foreign file
    /// without one reads "unrated", never "high").
    public var confidence: Confidence? {
        get { facts.confidence }
        set { facts.confidence = newValue }
    }
    /// Who says so; nil when none was recorded ("unrated", never "reported").
    public var assertion: Assertion? {
        get { facts.assertion }
        set { facts.assertion = newValue }
    }
    public var provenance: Provenance {
        get { facts.provenance }
        set { facts.provenance = newValue }
    }
    public var note: String? {
        get { rare?.note }
        set { rare = Rare.holding(attributes: attributes, note: newValue) }
    }

    public init(id: String, source: String, type: String, target: String, time: TimeSpan? = nil,
                confidence: Confidence? = .high, assertion: Assertion? = .reported, sources: [Citation] = [],
                attributes: [String: AttributeValue] = [:], provenance: Provenance = .reported,
                note: String? = nil, location: FileLocation? = nil) {
        storedID = id
        storedSource = source
        self.type = type
        storedTarget = target
        citationList = CitationList(sources)
        self.location = location
        facts = Facts(time: time, confidence: confidence, assertion: assertion, provenance: provenance)
        rare = Rare.holding(attributes: attributes, note: note)
    }

    /// What `init(blank:)` makes a relation from: a template's type and facts, taken once.
    struct Blank: Sendable {
        fileprivate let type: String
        fileprivate let facts: Facts
    }

    /// This relation's type and facts, to make relations like it with `init(blank:)`.
    var blank: Blank { Blank(type: type, facts: facts) }

    /// A relation with `blank`'s type and facts, empty id and ends, and no citations, location,
    /// attributes or note: readers start each relation from a template, and a copy of one
    /// retained each of its strings and lists (186 instructions a relation). It is the template
    /// again when the template holds nothing else (`isBlank`).
    init(blank: Blank) {
        storedID = ""
        storedSource = ""
        type = blank.type
        storedTarget = ""
        citationList = .none
        location = nil
        facts = blank.facts
        rare = nil
    }

    /// Whether `init(blank:)` makes this relation again from its `blank`.
    var isBlank: Bool { self == Relation(blank: blank) && facts.derivation == 0 }

    public static func == (a: Relation, b: Relation) -> Bool {
        sameID(a, b) && a.source == b.source && a.type == b.type && a.target == b.target && a.facts == b.facts
            && a.citationList == b.citationList && a.attributes == b.attributes && a.note == b.note && a.location == b.location
    }

    /// Whether the ids are equal, without making derived ones when both are held alike.
    private static func sameID(_ a: Relation, _ b: Relation) -> Bool {
        if a.facts.derivation == b.facts.derivation && a.storedID == b.storedID { return true }
        return (a.facts.derivation != 0 || b.facts.derivation != 0) && a.id == b.id
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(source); h.combine(type); h.combine(target); h.combine(facts)
        h.combine(citationList); h.combine(attributes); h.combine(note); h.combine(location)
    }

    // MARK: Ids derived from the ends

    /// The most "-N" a derived id keeps in `Facts`' 12 bits; a higher one is made and stored.
    static let derivedSuffixLimit = 4095

    /// Makes the id "SOURCE-TARGET-ID", or "SOURCE-TARGET-ID-N" for a `suffix` N >= 2, out of the
    /// ends and the id held now, without making the String: readers rename NetworkX's reused edge
    /// keys this way, and a million such Strings took 68 MB. It is made when `id` is read; setting
    /// `source` or `target` first makes and keeps it, so it never changes.
    mutating func deriveID(suffix: Int = 0) {
        precondition(suffix == 0 || suffix >= 2)
        keepID()
        if suffix > Self.derivedSuffixLimit {
            storedID = Self.joined(storedSource, storedTarget, storedID, suffix)
        } else {
            facts.derivation = suffix == 0 ? 1 : UInt16(suffix)
        }
    }

    /// Sets the id (a stored one), the ends and the location at once: what a reader gives each new
    /// relation, without the setters' checks for a derived id to keep (80 instructions a relation).
    @inline(__always)
    mutating func setIdentity(id: String, source: String, target: String, location: FileLocation?) {
        storedID = id
        storedSource = source
        storedTarget = target
        facts.derivation = 0
        self.location = location
    }

    /// Points the ends at strings equal to them (an entity's own id, so that relations share it)
    /// without making a derived id: it reads the same.
    mutating func repoint(source: String, target: String) {
        storedSource = source
        storedTarget = target
    }

    /// Calls `body` with the id's UTF-8 bytes; a derived id is written into a buffer, not a String.
    func withIDBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafePointer(to: self) { Self.withIDBytes(of: $0, body) }
    }

    /// Whether the id's UTF-8 bytes are `bytes`.
    func hasID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafePointer(to: self) { Self.hasID(of: $0, bytes) }
    }

    // The same for a relation where it is (in a list): a method called on a list's relation took
    // a copy of the whole relation first (retaining and releasing each of its strings), 200
    // instructions per call, several calls per relation of a load.

    /// Calls `body` with the UTF-8 bytes of the id of the relation at `r`.
    @inline(__always)
    static func withIDBytes<R>(of r: UnsafePointer<Relation>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let derivation = r.pointee.facts.derivation
        if derivation == 0 {
            let id = r.pointee.storedID
            return id.utf8.withContiguousStorageIfAvailable(body) ?? Array(id.utf8).withUnsafeBufferPointer(body)
        }
        return withJoined(r.pointee.storedSource, r.pointee.storedTarget, r.pointee.storedID,
                          derivation >= 2 ? Int(derivation) : 0, body)
    }

    /// Calls `body` with the UTF-8 bytes of the id `deriveID()` would give the relation at `r`,
    /// which holds a stored id, without giving it: a reader checks the ids first.
    @inline(__always)
    static func withDerivableIDBytes<R>(of r: UnsafePointer<Relation>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withJoined(r.pointee.storedSource, r.pointee.storedTarget, r.pointee.storedID, 0, body)
    }

    /// Whether the id of the relation at `r` has the UTF-8 bytes `bytes`.
    @inline(__always)
    static func hasID(of r: UnsafePointer<Relation>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        withIDBytes(of: r) { $0.elementsEqual(bytes) }
    }

    /// Whether `test` holds for the bytes of the id of the relation at `r` or, for a derived id, for
    /// those of one of its parts (source, target, last part; not the dashes and digits between),
    /// which a search for a byte needs without the id being written out.
    @inline(__always)
    static func idPart(of r: UnsafePointer<Relation>, where test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        func holds(_ s: String) -> Bool { s.utf8.withContiguousStorageIfAvailable(test) ?? Array(s.utf8).withUnsafeBufferPointer(test) }
        if r.pointee.facts.derivation == 0 { return holds(r.pointee.storedID) }
        return holds(r.pointee.storedSource) || holds(r.pointee.storedTarget) || holds(r.pointee.storedID)
    }

    /// The length in UTF-8 bytes of the id of the relation at `r`, without making a derived one.
    @inline(__always)
    static func idByteCount(of r: UnsafePointer<Relation>) -> Int {
        let derivation = r.pointee.facts.derivation
        return derivation == 0 ? r.pointee.storedID.utf8.count
            : joinedCount(r.pointee.storedSource, r.pointee.storedTarget, r.pointee.storedID, derivation >= 2 ? Int(derivation) : 0)
    }

    /// Whether the id is one derived from the ends (`deriveID(suffix:)`).
    var hasDerivedID: Bool { facts.derivation != 0 }

    private func derivedID() -> String {
        Self.joined(storedSource, storedTarget, storedID, facts.derivation >= 2 ? Int(facts.derivation) : 0)
    }

    /// Makes a derived id a stored one, before an end changes.
    private mutating func keepID() {
        if facts.derivation != 0 {
            storedID = derivedID()
            facts.derivation = 0
        }
    }

    /// "A-B-C", or "A-B-C-N" for `n` > 0, as a String of its size.
    private static func joined(_ a: String, _ b: String, _ c: String, _ n: Int) -> String {
        String(unsafeUninitializedCapacity: joinedCount(a, b, c, n)) { writeJoined(a, b, c, n, into: $0) }
    }

    private static func joinedCount(_ a: String, _ b: String, _ c: String, _ n: Int) -> Int {
        a.utf8.count + b.utf8.count + c.utf8.count + 2 + (n > 0 ? 1 + String(n).utf8.count : 0)
    }

    private static func withJoined<R>(_ a: String, _ b: String, _ c: String, _ n: Int,
                                      _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: joinedCount(a, b, c, n)) { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[..<writeJoined(a, b, c, n, into: buffer)]))
        }
    }

    /// Writes "A-B-C" or "A-B-C-N" at the start of `out`, which has room, and returns its length.
    private static func writeJoined(_ a: String, _ b: String, _ c: String, _ n: Int,
                                    into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let dash = UInt8(ascii: "-")
        var p = put(a, at: out.baseAddress!)
        p.initialize(to: dash)
        p = put(b, at: p + 1)
        p.initialize(to: dash)
        p = put(c, at: p + 1)
        if n > 0 {
            p.initialize(to: dash)
            p = put(String(n), at: p + 1)
        }
        return p - out.baseAddress!
    }

    /// Copies `s`'s UTF-8 bytes to `p` and returns the address after them.
    @inline(__always)
    private static func put(_ s: String, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let end = s.utf8.withContiguousStorageIfAvailable { bytes in
            if let base = bytes.baseAddress { p.initialize(from: base, count: bytes.count) }
            return p + bytes.count
        }
        if let end { return end }
        var q = p
        for b in s.utf8 { q.initialize(to: b); q += 1 }
        return q
    }

    /// A relation's attributes and note, held apart; immutable, so relations that share one never
    /// see each other's changes.
    private final class Rare: Sendable {
        let attributes: [String: AttributeValue]
        let note: String?

        private init(attributes: [String: AttributeValue], note: String?) {
            self.attributes = attributes
            self.note = note
        }

        static func holding(attributes: [String: AttributeValue], note: String?) -> Rare? {
            attributes.isEmpty && note == nil ? nil : Rare(attributes: attributes, note: note)
        }
    }

    /// The time span, confidence, assertion and provenance in one word: start and end date 23 bits
    /// each (`PartialDate.packed`, 0 for an open end, both 0 for no time), confidence 2 bits (0 for
    /// none), assertion 3 bits (0 for none), provenance 1 bit; and in the top 12 bits how the id is
    /// held (`derivation`), which is not a fact: equality and hashing leave it out.
    fileprivate struct Facts: Hashable, Sendable {
        private var bits: UInt64

        private static let endShift: UInt64 = 23, confidenceShift: UInt64 = 46
        private static let assertionShift: UInt64 = 48, provenanceShift: UInt64 = 51
        private static let derivationShift: UInt64 = 52
        private static let dateMask: UInt64 = 1 << 23 - 1
        private static let factMask: UInt64 = 1 << derivationShift - 1

        init(time: TimeSpan?, confidence: Confidence?, assertion: Assertion?, provenance: Provenance) {
            bits = 0
            self.time = time
            self.confidence = confidence
            self.assertion = assertion
            self.provenance = provenance
        }

        var time: TimeSpan? {
            get {
                let start = PartialDate(packed: UInt32(bits & Self.dateMask))
                let end = PartialDate(packed: UInt32(bits >> Self.endShift & Self.dateMask))
                return start == nil && end == nil ? nil : TimeSpan(unchecked: start, end)
            }
            set {
                let start = UInt64(newValue?.start?.packed ?? 0), end = UInt64(newValue?.end?.packed ?? 0)
                bits = bits & ~(Self.dateMask | Self.dateMask << Self.endShift) | start | end << Self.endShift
            }
        }

        var confidence: Confidence? {
            get {
                switch bits >> Self.confidenceShift & 3 {
                case 1: return .low
                case 2: return .medium
                case 3: return .high
                default: return nil
                }
            }
            set {
                let code: UInt64 = switch newValue { case nil: 0; case .low: 1; case .medium: 2; case .high: 3 }
                set(code, width: 2, at: Self.confidenceShift)
            }
        }

        var assertion: Assertion? {
            get {
                switch bits >> Self.assertionShift & 7 {
                case 1: return .reported
                case 2: return .claimed
                case 3: return .attributed
                case 4: return .alleged
                case 5: return .denied
                default: return nil
                }
            }
            set {
                let code: UInt64 = switch newValue {
                case nil: 0; case .reported: 1; case .claimed: 2; case .attributed: 3; case .alleged: 4; case .denied: 5
                }
                set(code, width: 3, at: Self.assertionShift)
            }
        }

        /// 0: the id is stored; 1: derived, "SOURCE-TARGET-ID"; N >= 2: "SOURCE-TARGET-ID-N".
        var derivation: UInt16 {
            get { UInt16(truncatingIfNeeded: bits >> Self.derivationShift) }
            set { set(UInt64(newValue), width: 12, at: Self.derivationShift) }
        }

        static func == (a: Facts, b: Facts) -> Bool { a.bits & factMask == b.bits & factMask }

        func hash(into h: inout Hasher) { h.combine(bits & Self.factMask) }

        var provenance: Provenance {
            get { bits >> Self.provenanceShift & 1 == 0 ? .reported : .added }
            set { set(newValue == .reported ? 0 : 1, width: 1, at: Self.provenanceShift) }
        }

        @inline(__always)
        private mutating func set(_ code: UInt64, width: UInt64, at shift: UInt64) {
            bits = bits & ~((1 << width - 1) << shift) | code << shift
        }
    }
}
