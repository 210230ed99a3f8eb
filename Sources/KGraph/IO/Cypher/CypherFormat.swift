import Foundation

/// A Cypher script for Neo4j: `CypherWriter` (written, not read).
public struct CypherFormat: GraphFormat {
    public init() {}
    public var name: String { "cypher" }
    public var tools: String { "Neo4j, FalkorDB, Memgraph" }
    public var summary: String { "a Cypher script of MERGE statements that builds the graph in Neo4j, FalkorDB or Memgraph (--dialect)" }
    public var details: String {
        "a script of `MERGE` statements, one a line, every string escaped; `--dialect neo4j` (the default: "
            + "`cypher-shell -f`, `CREATE CONSTRAINT ... IF NOT EXISTS`, safe to run twice), `falkordb` (`CREATE INDEX "
            + "FOR ... ON`; loaded into FalkorDB by the tests) or `memgraph` (`CREATE CONSTRAINT ON ... ASSERT`, not run here)"
    }
    public var takesDialect: Bool { true }
    /// Entities with every field, relations with every field and citation (as JSON text), documents
    /// as `:Document` nodes; the vocabulary becomes labels and relationship types, not data.
    public var carries: GraphParts { [.entities, .relations, .citations, .documents] }

    public func export(_ g: Graph, options: ExportOptions) -> Export {
        let data = Data(CypherWriter.cypher(g, dialect: options.cypherDialect).utf8)
        return .document { emit in data.withUnsafeBytes { emit($0) } }
    }
}
