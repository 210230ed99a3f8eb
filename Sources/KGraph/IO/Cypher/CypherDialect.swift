/// The graph database a Cypher script is written for (`kgraph export cypher --dialect`). The
/// `MERGE`/`MATCH`/`SET` statements are the same for all; the schema statements that make the
/// `MERGE`s on ids fast are not part of openCypher, and each engine spells them its own way.
public enum CypherDialect: String, CaseIterable, Sendable {
    /// Neo4j 5: uniqueness constraints (which come with an index), `IF NOT EXISTS` so the script runs twice.
    case neo4j
    /// FalkorDB: range indexes (its unique constraints are a Redis command, `GRAPH.CONSTRAINT
    /// CREATE`, not Cypher, and need the index first).
    case falkordb
    /// Memgraph: uniqueness constraints and, as Memgraph's constraints make no index, label-property indexes.
    case memgraph

    /// The statements that declare the id index or constraint of `label`, named `name` where the
    /// engine names them.
    func schema(label: String, variable v: String, name: String) -> [String] {
        switch self {
        case .neo4j:
            return ["CREATE CONSTRAINT \(name) IF NOT EXISTS FOR (\(v):\(label)) REQUIRE \(v).id IS UNIQUE;"]
        case .falkordb:
            return ["CREATE INDEX FOR (\(v):\(label)) ON (\(v).id);"]
        case .memgraph:
            return ["CREATE CONSTRAINT ON (\(v):\(label)) ASSERT \(v).id IS UNIQUE;", "CREATE INDEX ON :\(label)(id);"]
        }
    }

    /// How to run the script, for its first lines.
    var usage: String {
        switch self {
        case .neo4j:
            return "// Neo4j 5: cypher-shell -f FILE (safe to run again: MERGE on ids, constraints IF NOT EXISTS)"
        case .falkordb:
            return "// FalkorDB: send each line to GRAPH.QUERY (redis-cli, or a FalkorDB client); run again, only the "
                + "CREATE INDEX lines fail (the indexes exist), the MERGEs change nothing"
        case .memgraph:
            return "// Memgraph: mgconsole < FILE (this dialect is written from Memgraph's documentation; kgraph's tests do not run it)"
        }
    }
}
