import Foundation
import Testing
@testable import KGraph

/// Mermaid and Cypher: whole output compared with golden text, and escaping checked on hostile names.
@Suite struct TextExportTests {
    func small() throws -> Graph {
        try GraphLoader.load(paths: [packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/small.yaml").path]).graph
    }

    @Test func mermaidGolden() throws {
        #expect(MermaidWriter.mermaid(try small()) == #"""
            ---
            title: "Test graph"
            ---
            flowchart LR
              n0("Iran"):::k_state
              n1("United States"):::k_state
              n2{{"Kata'ib Hezbollah"}}:::k_militia
              n3[/"Tower 22"\]:::k_site
              n4[/"Al-Tanf"\]:::k_site
              n5(["John Kirby"]):::k_person
              n0 -.->|"backs"| n2
              n2 ==>|"attacked 2024-01-28"| n3
              n2 ==>|"attacked 2024-01"| n4
              n1 ==>|"struck 2024-02-02"| n2
              n5 -.->|"spoke for"| n1
              classDef k_state fill:#cfe2f3,stroke:#333333,color:#000000
              classDef k_militia fill:#f9cb9c,stroke:#333333,color:#000000
              classDef k_site fill:#d9ead3,stroke:#333333,color:#000000
              classDef k_person fill:#fff2cc,stroke:#333333,color:#000000
            """# + "\n")
    }

    /// Each dialect's schema statements; the rest of the script is the same. (FalkorDB's run for
    /// real in GraphDatabaseTests; Neo4j's and Memgraph's can only be checked as text here.)
    @Test func cypherDialects() throws {
        let g = try small()
        func head(_ d: CypherDialect) -> [Substring] { CypherWriter.cypher(g, dialect: d).split(separator: "\n").filter { $0.hasPrefix("CREATE") } }
        #expect(head(.neo4j) == ["CREATE CONSTRAINT kgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
                                 "CREATE CONSTRAINT kgraph_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;"])
        #expect(head(.falkordb) == ["CREATE INDEX FOR (n:Entity) ON (n.id);", "CREATE INDEX FOR (d:Document) ON (d.id);"])
        #expect(head(.memgraph) == ["CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE;", "CREATE INDEX ON :Entity(id);",
                                    "CREATE CONSTRAINT ON (d:Document) ASSERT d.id IS UNIQUE;", "CREATE INDEX ON :Document(id);"])
        let body = { (d: CypherDialect) in CypherWriter.cypher(g, dialect: d).split(separator: "\n").filter { !$0.hasPrefix("CREATE") && !$0.hasPrefix("//") } }
        #expect(body(.falkordb) == body(.neo4j))
        #expect(body(.memgraph) == body(.neo4j))
    }

    @Test func cypherGolden() throws {
        #expect(CypherWriter.cypher(try small()) == #"""
            // Written by kgraph: Test graph
            // Neo4j 5: cypher-shell -f FILE (safe to run again: MERGE on ids, constraints IF NOT EXISTS)
            CREATE CONSTRAINT kgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
            CREATE CONSTRAINT kgraph_document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
            MERGE (d:Document {id: 'mee'}) SET d.title = 'US launches retaliatory strikes in Iraq, Syria', d.outlet = 'Middle East Eye', d.published = '2024-02-02';
            MERGE (n:Entity {id: 'iran'}) SET n:State, n.name = 'Iran', n.kind = 'state', n.provenance = 'reported';
            MERGE (n:Entity {id: 'united-states'}) SET n:State, n.name = 'United States', n.kind = 'state', n.aliases = ['US', 'U.S.'], n.provenance = 'reported';
            MERGE (n:Entity {id: 'kataib-hezbollah'}) SET n:Militia, n.name = 'Kata\'ib Hezbollah', n.kind = 'militia', n.aliases = ['KH', 'Kataib Hezbollah'], n.provenance = 'reported';
            MERGE (n:Entity {id: 'tower-22'}) SET n:Site, n.name = 'Tower 22', n.kind = 'site', n.aliases = ['US base'], n.`shared-aliases` = ['US base'], n.provenance = 'reported';
            MERGE (n:Entity {id: 'al-tanf'}) SET n:Site, n.name = 'Al-Tanf', n.kind = 'site', n.aliases = ['US base'], n.`shared-aliases` = ['US base'], n.provenance = 'reported';
            MERGE (n:Entity {id: 'kirby'}) SET n:Person, n.name = 'John Kirby', n.kind = 'person', n.aliases = ['Kirby'], n.provenance = 'reported';
            MATCH (a:Entity {id: 'iran'}), (b:Entity {id: 'kataib-hezbollah'}) MERGE (a)-[r:BACKS {id: 'iran-backs-kh'}]->(b) SET r.relation = 'backs', r.confidence = 'high', r.assertion = 'reported', r.sources = '[{"document":"mee","quote":"Iran-backed groups"}]', r.documents = ['mee'], r.provenance = 'reported';
            MATCH (a:Entity {id: 'kataib-hezbollah'}), (b:Entity {id: 'tower-22'}) MERGE (a)-[r:ATTACKED {id: 'kh-attacked-t22'}]->(b) SET r.relation = 'attacked', r.date = '2024-01-28', r.date_precision = 'day', r.start = date('2024-01-28'), r.end = date('2024-01-28'), r.confidence = 'medium', r.assertion = 'attributed', r.sources = '[{"document":"mee","quote":"footprints of Kataib Hezbollah"}]', r.documents = ['mee'], r.provenance = 'reported', r.killed = 3;
            MATCH (a:Entity {id: 'kataib-hezbollah'}), (b:Entity {id: 'al-tanf'}) MERGE (a)-[r:ATTACKED {id: 'kh-attacked-tanf'}]->(b) SET r.relation = 'attacked', r.date = '2024-01', r.date_precision = 'month', r.start = date('2024-01-01'), r.end = date('2024-01-31'), r.confidence = 'high', r.assertion = 'reported', r.sources = '[{"document":"mee","quote":"attacks against US targets"}]', r.documents = ['mee'], r.provenance = 'reported';
            MATCH (a:Entity {id: 'united-states'}), (b:Entity {id: 'kataib-hezbollah'}) MERGE (a)-[r:STRUCK {id: 'us-struck-kh'}]->(b) SET r.relation = 'struck', r.date = '2024-02-02', r.date_precision = 'day', r.start = date('2024-02-02'), r.end = date('2024-02-02'), r.confidence = 'high', r.assertion = 'reported', r.sources = '[{"document":"mee","quote":"struck more than 85 targets"}]', r.documents = ['mee'], r.provenance = 'reported';
            MATCH (a:Entity {id: 'kirby'}), (b:Entity {id: 'united-states'}) MERGE (a)-[r:SPOKE_FOR {id: 'kirby-spoke-for-us'}]->(b) SET r.relation = 'spoke-for', r.confidence = 'high', r.assertion = 'reported', r.sources = '[{"document":"mee","quote":"White House spokesperson John Kirby"}]', r.documents = ['mee'], r.provenance = 'reported';
            """# + "\n")
    }

    @Test func mermaidEscaping() throws {
        #expect(MermaidWriter.escape(#"a "b" #c &d <e> |f| `g`"#) == "a #quot;b#quot; #35;c #amp;d #lt;e#gt; #124;f#124; #96;g#96;")
        #expect(MermaidWriter.escape("two\nlines\r\u{1}") == "two<br/>lines ")
        let text = MermaidWriter.mermaid(try trickyGraph())
        // Every label is quoted and holds no raw quote, pipe, hash or angle bracket of its own.
        for line in text.split(separator: "\n") where line.hasPrefix("  n") {
            let inside = line.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(inside.count == 3, "\(line)")
            #expect(!inside[1].contains("|") && !inside[1].contains(">") && !inside[1].contains("<") || inside[1].contains("<br/>"), "\(line)")
        }
        #expect(text.contains(#"n0{{"Kata'ib #quot;Hezbollah#quot; #lt;KH#gt; #amp; co"}}:::k_militia"#))
        // The title is in YAML front matter, where Mermaid decodes no entity codes: YAML escaping only.
        #expect(text.contains(#"title: "Tricky <graph> & \"quotes\" 'n' #hash |pipe|""#))
        #expect(text.contains(#"n3[["News Agency"]]:::k_media_outlet"#))
    }

    @Test func cypherEscaping() throws {
        #expect(CypherWriter.string(#"it's a \ "test""#) == #"'it\'s a \\ "test"'"#)
        #expect(CypherWriter.string("line\nbreak\ttab\u{7}") == #"'line\nbreak\ttab\u0007'"#)
        #expect(CypherWriter.identifier("Militia") == "Militia")
        #expect(CypherWriter.identifier("spoke-for") == "`spoke-for`")
        #expect(CypherWriter.identifier("a`b") == "`a``b`")
        // FalkorDB reads no \uXXXX escape and cannot escape a backquote.
        #expect(CypherWriter.string("line\nbreak\ttab\u{7}\u{0}", dialect: .falkordb) == "'line\\nbreak\\ttab\u{7}\u{FFFD}'")
        #expect(CypherWriter.identifier("a`b", dialect: .falkordb) == "`a'b`")
        #expect(CypherWriter.identifier("1abc") == "`1abc`")
        let text = CypherWriter.cypher(try trickyGraph())
        #expect(text.contains(#"n.name = 'Kata\'ib "Hezbollah" <KH> & co'"#))
        #expect(text.contains(#"n.tags = '["x",2]'"#))
        #expect(text.contains(#"n.meta = '{"k":"v","n":[false]}'"#))
        #expect(text.contains("n.attribute_kind") == false)
        #expect(text.contains(#"SET n:MediaOutlet"#))
        #expect(text.contains(#"r.killed = 1.5"#))
        // One statement per line: nothing a value holds can end a statement early.
        for line in text.split(separator: "\n") where !line.hasPrefix("//") { #expect(line.hasSuffix(";"), "\(line)") }
    }
}
