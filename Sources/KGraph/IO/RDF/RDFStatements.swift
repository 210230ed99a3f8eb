import Foundation

/// A graph as RDF triples, shared by the Turtle and JSON-LD writers, with statement-level
/// provenance: each relation is an `rdf:Statement` (RDF reification, which every RDF 1.1 reader
/// takes) naming its subject, predicate and object, with its type, confidence, assertion,
/// provenance, date, note, the documents it is derived from (`prov:wasDerivedFrom`) and one
/// citation node per quote (document, quote, speaker).
///
/// IRIs: entities `urn:kgraph:entity:ID`, relations `urn:kgraph:relation:ID` (a citation
/// `.../citation/N`), documents `urn:kgraph:document:ID`, relation types as predicates
/// `urn:kgraph:type:TYPE`, kinds as classes `urn:kgraph:kind:KIND`, kgraph's own properties
/// `urn:kgraph:vocab:NAME`; ids are percent-encoded. Entities carry `rdfs:label` (the name),
/// `skos:altLabel` (aliases), `dcterms:description`. Documents carry `dcterms:title`,
/// `dcterms:publisher` (the outlet), `dcterms:date` and `schema:url`.
///
/// A relation is also stated as a plain triple (`entity type entity`), so simple queries find it,
/// unless it is denied: a denied claim exists only as a statement about what was said.
///
/// Not supported: free attributes, the vocabulary's shapes and colours.
struct RDFStatements {
    /// An IRI or a literal (with an optional datatype IRI).
    enum Term: Hashable {
        case iri(String)
        case literal(String, datatype: String?)
    }

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let dcterms = "http://purl.org/dc/terms/"
    static let prov = "http://www.w3.org/ns/prov#"
    static let schema = "http://schema.org/"
    static let vocab = "urn:kgraph:vocab:"
    /// The prefixes Turtle declares, in order.
    static let prefixes: [(String, String)] = [("rdf", rdf), ("rdfs", rdfs), ("xsd", xsd), ("skos", skos), ("dcterms", dcterms),
                                               ("prov", prov), ("schema", schema), ("kg", vocab)]

    /// Triples grouped by subject, in the graph's order.
    private(set) var subjects: [(subject: String, triples: [(predicate: String, object: Term)])] = []

    init(_ g: Graph) {
        for d in g.documents {
            var t: [(String, Term)] = [(Self.rdf + "type", .iri(Self.vocab + "Document")), (Self.dcterms + "title", .literal(d.title, datatype: nil))]
            if let o = d.outlet { t.append((Self.dcterms + "publisher", .literal(o, datatype: nil))) }
            if let p = d.published { t.append((Self.dcterms + "date", Self.date(p))) }
            if let u = d.url { t.append((Self.schema + "url", .literal(u, datatype: Self.xsd + "anyURI"))) }
            subjects.append((Self.iri("document", d.id), t))
        }
        for e in g.entities {
            var t: [(String, Term)] = [(Self.rdf + "type", .iri(Self.vocab + "Entity")), (Self.rdf + "type", .iri(Self.iri("kind", e.kind))),
                                       (Self.rdfs + "label", .literal(e.name, datatype: nil)),
                                       (Self.vocab + "kind", .literal(e.kind, datatype: nil))]
            for a in e.aliases { t.append((Self.skos + "altLabel", .literal(a, datatype: nil))) }
            if let d = e.description { t.append((Self.dcterms + "description", .literal(d, datatype: nil))) }
            subjects.append((Self.iri("entity", e.id), t))
        }
        for r in g.relations {
            let s = Self.iri("entity", r.source), o = Self.iri("entity", r.target), p = Self.iri("type", r.type)
            if r.assertion != .denied { subjects.append((s, [(p, .iri(o))])) }
            let statement = Self.iri("relation", r.id)
            var t: [(String, Term)] = [(Self.rdf + "type", .iri(Self.rdf + "Statement")), (Self.rdf + "subject", .iri(s)),
                                       (Self.rdf + "predicate", .iri(p)), (Self.rdf + "object", .iri(o)),
                                       (Self.vocab + "type", .literal(r.type, datatype: nil))]
            // An unrated relation states no confidence or assertion.
            if let c = r.confidence { t.append((Self.vocab + "confidence", .literal(c.rawValue, datatype: nil))) }
            if let a = r.assertion { t.append((Self.vocab + "assertion", .literal(a.rawValue, datatype: nil))) }
            t.append((Self.vocab + "provenance", .literal(r.provenance.rawValue, datatype: nil)))
            if let time = r.time {
                t.append((Self.vocab + "date", .literal(time.description, datatype: nil)))
                if let d = time.date { t.append((Self.dcterms + "date", Self.date(d))) }
            }
            if let n = r.note { t.append((Self.vocab + "note", .literal(n, datatype: nil))) }
            var derived = Set<String>()
            for c in r.sources where derived.insert(c.document).inserted {
                t.append((Self.prov + "wasDerivedFrom", .iri(Self.iri("document", c.document))))
            }
            var citations: [(String, [(String, Term)])] = []
            for (i, c) in r.sources.enumerated() {
                let node = statement + "/citation/" + String(i + 1)
                t.append((Self.vocab + "citation", .iri(node)))
                var ct: [(String, Term)] = [(Self.vocab + "document", .iri(Self.iri("document", c.document))),
                                            (Self.vocab + "quote", .literal(c.quote, datatype: nil))]
                if let sp = c.speaker { ct.append((Self.vocab + "speaker", .literal(sp, datatype: nil))) }
                citations.append((node, ct))
            }
            subjects.append((statement, t))
            for c in citations { subjects.append((c.0, c.1)) }
        }
    }

    /// `urn:kgraph:WHAT:ID`, the id percent-encoded but for unreserved characters.
    static func iri(_ what: String, _ id: String) -> String {
        var out = "urn:kgraph:" + what + ":"
        for b in id.utf8 {
            let c = Character(UnicodeScalar(b))
            if (b < 0x80) && (c.isLetter || c.isNumber || c == "-" || c == "." || c == "_" || c == "~") {
                out.append(c)
            } else {
                out += "%" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// A date as `xsd:date`, `xsd:gYearMonth` or `xsd:gYear`, as precise as it is.
    static func date(_ d: PartialDate) -> Term {
        switch d.precision {
        case .day: return .literal(d.description, datatype: xsd + "date")
        case .month: return .literal(d.description, datatype: xsd + "gYearMonth")
        case .year: return .literal(d.description, datatype: xsd + "gYear")
        }
    }
}
