import Foundation

/// RDF 1.1 Turtle of the graph with statement-level provenance (`RDFStatements`): written, not read.
/// rdflib, Apache Jena, Oxigraph and GraphDB load it; SPARQL finds a relation's evidence through
/// its `rdf:Statement`.
public struct TurtleFormat: GraphFormat {
    public init() {}
    public var name: String { "turtle" }
    public var tools: String { "RDF stores (rdflib, Jena, Oxigraph)" }
    public var summary: String { "RDF Turtle: entities, and each relation as a statement with its documents, quotes, confidence and assertion" }
    public var details: String {
        "RDF 1.1 Turtle: entities (`rdfs:label`, `skos:altLabel`, a class per kind), each relation a triple (none for a "
            + "denied claim) and an `rdf:Statement` with `kg:confidence`, `kg:assertion`, `kg:date`, `prov:wasDerivedFrom` "
            + "its documents and a citation node per quote; documents with `dcterms:title`/`publisher`/`date`; lost: "
            + "free attributes, the vocabulary"
    }
    /// Every entity's name, kind, aliases and description, every relation's fields, citations and
    /// documents; but free attributes and the vocabulary.
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(Self.turtle(RDFStatements(g)).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }

    static func turtle(_ rdf: RDFStatements) -> String {
        var out = "# Written by kgraph: relations as rdf:Statement with their evidence (urn:kgraph:vocab:).\n"
        for (p, iri) in RDFStatements.prefixes { out += "@prefix \(p): <\(iri)> .\n" }
        for (subject, triples) in rdf.subjects {
            out += "\n" + term(.iri(subject))
            for (i, t) in triples.enumerated() {
                out += (i == 0 ? " " : " ;\n    ") + (t.predicate == RDFStatements.rdf + "type" ? "a" : term(.iri(t.predicate))) + " " + term(t.object)
            }
            out += " .\n"
        }
        return out
    }

    /// A prefixed name when the IRI is in a declared namespace with a plain local part, else `<IRI>`; a literal quoted.
    static func term(_ t: RDFStatements.Term) -> String {
        switch t {
        case .iri(let iri):
            for (p, ns) in RDFStatements.prefixes where iri.hasPrefix(ns) {
                let local = iri.dropFirst(ns.count)
                if let f = local.first, f.isLetter, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                    return p + ":" + local
                }
            }
            return "<" + iri + ">"
        case let .literal(text, datatype):
            return quoted(text) + (datatype.map { "^^" + term(.iri($0)) } ?? "")
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
