/// A dated, cited fact between two entities. Two entities may share many relations.
public struct Relation: Hashable, Sendable {
    public var id: String
    /// Entity id at the tail.
    public var source: String
    /// Relation type id from the vocabulary.
    public var type: String
    /// Entity id at the head.
    public var target: String
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
        self.id = id
        self.source = source
        self.type = type
        self.target = target
        citationList = CitationList(sources)
        self.location = location
        facts = Facts(time: time, confidence: confidence, assertion: assertion, provenance: provenance)
        rare = Rare.holding(attributes: attributes, note: note)
    }

    public static func == (a: Relation, b: Relation) -> Bool {
        a.id == b.id && a.source == b.source && a.type == b.type && a.target == b.target && a.facts == b.facts
            && a.citationList == b.citationList && a.attributes == b.attributes && a.note == b.note && a.location == b.location
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(source); h.combine(type); h.combine(target); h.combine(facts)
        h.combine(citationList); h.combine(attributes); h.combine(note); h.combine(location)
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
    /// none), assertion 3 bits (0 for none), provenance 1 bit.
    private struct Facts: Hashable, Sendable {
        private var bits: UInt64

        private static let endShift: UInt64 = 23, confidenceShift: UInt64 = 46
        private static let assertionShift: UInt64 = 48, provenanceShift: UInt64 = 51
        private static let dateMask: UInt64 = 1 << 23 - 1

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

        var provenance: Provenance {
            get { bits >> Self.provenanceShift & 1 == 0 ? .reported : .added }
            set { set(newValue == .reported ? 0 : 1, width: 1, at: Self.provenanceShift) }
        }

        private mutating func set(_ code: UInt64, width: UInt64, at shift: UInt64) {
            bits = bits & ~((1 << width - 1) << shift) | code << shift
        }
    }
}
