import Foundation

/// JSON-LD 1.1 (expanded form, full IRIs) of the same RDF as `TurtleFormat`: written, not read.
public struct JSONLDFormat: GraphFormat {
    public init() {}
    public var name: String { "jsonld" }
    public var tools: String { "RDF stores, JSON-LD processors" }
    public var summary: String { "JSON-LD: the same RDF as turtle, for JSON tools and linked-data stores" }
    public var details: String {
        "JSON-LD in expanded form (full IRIs, one node object per subject): the same triples as `turtle`; lost: free "
            + "attributes, the vocabulary"
    }
    public var carries: GraphParts { [] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(Self.jsonld(RDFStatements(g)).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }

    static func jsonld(_ rdf: RDFStatements) -> String {
        // One node object per subject: a subject stated twice (an entity and its plain relation
        // triples) has its triples merged.
        var order: [String] = []
        var triples: [String: [(String, RDFStatements.Term)]] = [:]
        for (s, t) in rdf.subjects {
            if triples[s] == nil { order.append(s) }
            triples[s, default: []] += t.map { ($0.predicate, $0.object) }
        }
        var nodes: [String] = []
        for s in order {
            var keys: [String] = []
            var values: [String: [String]] = [:]
            for (p, o) in triples[s]! {
                let key = p == RDFStatements.rdf + "type" ? "@type" : p
                if values[key] == nil { keys.append(key) }
                if key == "@type", case .iri(let c) = o { values[key, default: []].append(JSONText.quote(c)); continue }
                values[key, default: []].append(value(o))
            }
            let members = [JSONText.quote("@id") + ": " + JSONText.quote(s)]
                + keys.map { JSONText.quote($0) + ": [" + values[$0]!.joined(separator: ", ") + "]" }
            nodes.append("  {" + members.joined(separator: ", ") + "}")
        }
        return "{\"@graph\": [\n" + nodes.joined(separator: ",\n") + "\n]}\n"
    }

    static func value(_ t: RDFStatements.Term) -> String {
        switch t {
        case .iri(let i): return "{\"@id\": " + JSONText.quote(i) + "}"
        case let .literal(text, datatype?): return "{\"@value\": " + JSONText.quote(text) + ", \"@type\": " + JSONText.quote(datatype) + "}"
        case .literal(let text, nil): return "{\"@value\": " + JSONText.quote(text) + "}"
        }
    }
}
