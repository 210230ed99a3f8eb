/// The Neo4j bulk-import CSV pair: `Neo4jCSVReader` and `Neo4jCSVWriter`.
public struct Neo4jCSVFormat: GraphFormat {
    public init() {}
    public var name: String { "csv" }
    public var tools: String { "Neo4j" }
    public var summary: String { "the Neo4j bulk-import pair entities.csv + relations.csv, into the folder -o names" }
    public var details: String {
        "the `neo4j-admin database import full --nodes=entities.csv --relationships=relations.csv --multiline-fields=true` "
            + "pair: `id:ID`, `:LABEL` (`Entity;Militia`), `aliases:string[]`...; `:START_ID`, `:END_ID`, `:TYPE` "
            + "(`SPOKE_FOR`), `start:date`/`end:date`, `documents:string[]`...; lost: the document list, title and "
            + "vocabulary; in a free attribute's column that mixes types, numbers and lists come back as text, and a "
            + "plain string in a column that also holds lists as JSON text (`\"text\"`)"
    }
    /// Either file of a pair; the other is found beside it.
    public var extensions: [String] { ["csv"] }
    /// Neo4j's bulk import has no place for the document list, the vocabulary or a title; lists,
    /// maps and columns of mixed types come back as their text.
    public var carries: GraphParts { [.entities, .relations, .citations] }

    public func read(_ source: ByteSource, file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        Neo4jCSVReader.read(source, file: file, diagnostics: &diagnostics)
    }

    public func export(_ g: Graph, options: ExportOptions) throws(ExportError) -> Export {
        let (entities, relations) = try Neo4jCSVWriter.csv(g)
        return .files([(name: "entities.csv", data: entities), (name: "relations.csv", data: relations)])
    }
}
