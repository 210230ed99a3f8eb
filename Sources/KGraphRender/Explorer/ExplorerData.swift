import KGraph

/// The graph as the HTML explorer reads it: embedded in the page as JSON, so every answer the page
/// gives (a card, a name, a time window, a path) comes from the same data the CLI uses. The
/// relations are the stable JSON shape of `kgraph show --format json`, and names resolve through
/// the library's own folded keys (`NameIndex.foldedKeys`), so neither rule is restated.
struct ExplorerData: Encodable {
    /// An entity: its stable JSON shape, the rest of its card, and its relations in `kgraph show` order.
    struct Entity: Encodable {
        var e: EntityJSON
        var description: String?
        /// The name of the state it belongs to (or its id when that entity is not in the graph).
        var country: String?
        /// Relation indices: outgoing, then incoming (a loop once), as `kgraph show` lists them.
        var rels: [Int32]
    }

    /// A relation: its stable JSON shape, its ends as entity indices and its time as day numbers.
    struct Relation: Encodable {
        var r: RelationJSON
        var s: Int32
        var t: Int32
        /// Earliest day (`yyyymmdd`) it may have held; nil when undated or open at the start.
        var lo: Int?
        /// Latest day it may have held, an open end closed at what its sources know (`Graph.knownSpan`).
        var hi: Int?
        /// The date with its precision, `2024-01 (month)`, as the CLI prints it (`QueryText.dateWithPrecision`).
        var when: String
        /// How strong it is, `medium confidence, attributed`, as every listing says it (`Relation.strengthText`).
        var strength: String
        /// Its evidence class: an index into `evidenceClasses`.
        var ev: Int
    }

    struct Document: Encodable {
        var title: String
        var outlet: String?
        var published: String?
        var url: String?
    }

    struct Kind: Encodable {
        var id: String
        var label: String
        var fill: String
        var shape: String
    }

    struct RelationType: Encodable {
        var id: String
        var label: String
        var inverse: String
        var color: String
        var style: String
        var symmetric: Bool
    }

    /// One line of the evidence legend, from the one table every picture uses (`StrengthStyle`).
    struct EvidenceLine: Encodable {
        var pattern: String
        var width: Double
        var opacity: Double
        var greyed: Bool
        var glyph: String?
        var text: String
    }

    /// One thing a legend line stands for (`claimed` of the line `claimed / attributed`): the page
    /// lists a line with the texts of those of its parts that are visible.
    struct EvidenceAtom: Encodable {
        /// The line of `evidence` it belongs to.
        var row: Int
        var text: String
    }

    /// The legend parts one kind of relation (one assertion, confidence and provenance) brings.
    struct EvidenceClass: Encodable {
        var atoms: [Int]
        /// Reported, high confidence, from the reports: alone, such relations need no legend.
        var plain: Bool
    }

    var title: String
    var subtitle: String
    var notes: [String]
    /// Why nothing is drawn (past the render size guard), or nil.
    var refusal: String?
    var entities: [Entity]
    var relations: [Relation]
    var documents: [String: Document]
    var kinds: [Kind]
    var types: [RelationType]
    /// Drawn edge `kg-eN` stands for the relations `edges[N]`.
    var edges: [[Int32]]
    /// Folded name key -> the entities it names.
    var names: [String: [Int32]]
    /// Earliest and latest day of the dated relations, or nil when none is dated.
    var span: [Int]?
    /// How the drawing shows the strength of the evidence, for the relations drawn.
    var evidence: [EvidenceLine]
    var evidenceAtoms: [EvidenceAtom] = []
    var evidenceClasses: [EvidenceClass] = []
    /// The grey of a denied claim.
    var deniedGrey = StrengthStyle.grey
    /// What the filters call a relation without a confidence or an assertion.
    var unrated = Unrated.word

    init(plan: RenderPlan) {
        let g = plan.drawn
        title = plan.caption.title
        subtitle = plan.caption.subtitle
        notes = plan.notes
        refusal = plan.refusal
        entities = (0..<Int32(g.entityCount)).map { i in
            let e = g.entity(at: i)
            let rels = g.outgoing(i) + g.incoming(i).filter { g.sourceIndex(ofRelation: $0) != i }
            return Entity(e: e.json, description: e.description,
                          country: e.country.map { g.entity(id: $0)?.name ?? $0 }, rels: rels)
        }
        let legend = StrengthStyle.legend(for: g.relations)
        evidence = legend.map {
            EvidenceLine(pattern: $0.pattern.rawValue, width: $0.widthFactor, opacity: $0.opacity, greyed: $0.greyed,
                         glyph: $0.glyph, text: $0.text)
        }
        var classOf: [String: Int] = [:], classItems: [[StrengthStyle.LegendItem]] = [], plain: [Bool] = []
        func evidenceClass(_ r: KGraph.Relation) -> Int {
            let key = [r.assertion?.rawValue, r.confidence?.rawValue, r.provenance.rawValue].map { $0 ?? "" }.joined(separator: "|")
            if let c = classOf[key] { return c }
            classOf[key] = classItems.count
            classItems.append(StrengthStyle.legend(for: [r], evenWhenPlain: true))
            plain.append(StrengthStyle.legend(for: [r]).isEmpty)
            return classItems.count - 1
        }
        var lows: [Int] = [], highs: [Int] = []
        relations = (0..<Int32(g.relationCount)).map { i in
            let r = g.relation(at: i)
            let lo = r.time?.earliestDay, hi = g.knownSpan(of: r)?.latestDay
            if let d = lo ?? hi { lows.append(d) }
            if let d = hi ?? lo { highs.append(d) }
            return Relation(r: r.json, s: g.sourceIndex(ofRelation: i), t: g.targetIndex(ofRelation: i), lo: lo, hi: hi,
                            when: QueryText.dateWithPrecision(r.time), strength: r.strengthText, ev: evidenceClass(r))
        }
        (evidenceAtoms, evidenceClasses) = Self.evidenceParts(legend: legend, classes: classItems, plain: plain)
        span = lows.min().flatMap { lo in highs.max().map { [lo, $0] } }
        documents = Dictionary(g.documents.map {
            ($0.id, Document(title: $0.title, outlet: $0.outlet, published: $0.published?.description, url: $0.url))
        }, uniquingKeysWith: { a, _ in a })
        var kindIDs = g.vocabulary.kinds.map(\.id), seenKinds = Set(kindIDs)
        for e in g.entities where seenKinds.insert(e.kind).inserted { kindIDs.append(e.kind) }
        kinds = kindIDs.map { id in
            let k = g.vocabulary.kind(id) ?? EntityKind(id: id)
            return Kind(id: id, label: k.label, fill: k.fill, shape: k.shape)
        }
        var typeIDs = g.vocabulary.types.map(\.id), seenTypes = Set(typeIDs)
        for r in g.relations where seenTypes.insert(r.type).inserted { typeIDs.append(r.type) }
        types = typeIDs.map { id in
            let t = g.vocabulary.type(id) ?? KGraph.RelationType(id: id)
            return RelationType(id: id, label: t.label, inverse: t.inverse, color: t.color, style: t.style, symmetric: t.symmetric)
        }
        edges = plan.edges.map(\.relations)
        names = Dictionary(NameIndex(g).foldedKeys.map { ($0.key, $0.entities) }, uniquingKeysWith: { a, _ in a })
    }

    /// Each class's legend items as parts of the whole legend's lines: an item belongs to the line
    /// drawn the same way (`claimed` and `attributed` both to `claimed / attributed`), and the
    /// parts of a line are in the order its text names them.
    static func evidenceParts(legend: [StrengthStyle.LegendItem], classes: [[StrengthStyle.LegendItem]],
                              plain: [Bool]) -> ([EvidenceAtom], [EvidenceClass]) {
        func row(_ item: StrengthStyle.LegendItem) -> Int? {
            legend.firstIndex {
                $0.pattern == item.pattern && $0.widthFactor == item.widthFactor && $0.opacity == item.opacity
                    && $0.greyed == item.greyed && $0.glyph == item.glyph
            }
        }
        var parts: [(row: Int, text: String)] = []
        for items in classes {
            for item in items {
                if let r = row(item), !parts.contains(where: { $0 == (r, item.text) }) { parts.append((r, item.text)) }
            }
        }
        func place(_ p: (row: Int, text: String)) -> Int {
            let line = legend[p.row].text
            return line.range(of: p.text).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? line.count
        }
        parts.sort { ($0.row, place($0)) < ($1.row, place($1)) }
        let atoms = parts.map { EvidenceAtom(row: $0.row, text: $0.text) }
        let kinds = zip(classes, plain).map { items, plain in
            EvidenceClass(atoms: items.compactMap { item in row(item).flatMap { r in parts.firstIndex { $0 == (r, item.text) } } },
                          plain: plain)
        }
        return (atoms, kinds)
    }
}
