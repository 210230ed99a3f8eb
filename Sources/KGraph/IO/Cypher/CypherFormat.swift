import Foundation

/// A Cypher script for Neo4j: `CypherWriter` (written, not read).
public struct CypherFormat: GraphFormat {
    public init() {}
    public var name: String { "cypher" }
    public var tools: String { "Neo4j" }
    public var summary: String { "a Cypher script of MERGE statements that builds the graph in Neo4j" }
    public var details: String {
        "a `cypher-shell -f` script of `MERGE` statements (safe to run twice), every string escaped; its two "
            + "`CREATE CONSTRAINT` lines are Neo4j 5 syntax, marked by a comment: FalkorDB and Memgraph need them left out"
    }
    /// Entities with every field, relations with every field and citation (as JSON text), documents
    /// as `:Document` nodes; the vocabulary becomes labels and relationship types, not data.
    public var carries: GraphParts { [.entities, .relations, .citations, .documents] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(CypherWriter.cypher(g).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
