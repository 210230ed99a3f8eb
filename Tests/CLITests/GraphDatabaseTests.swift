import Foundation
import Testing

/// The graph-database exports loaded into real engines: the Neo4j CSV pair into Kuzu (`COPY FROM`),
/// whose shortest path between the IRGC and a US base has `kgraph path`'s length.
@Suite(.serialized) struct GraphDatabaseTests {
    @Test func csvPairLoadsIntoKuzu() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("csv").path
        let r = try kgraph(["export", "csv", "-o", csv] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        let path = try kgraph(["path", "IRGC", "Tower 22", "--format", "json"] + shippedGraph)
        #expect(path.status == 0, "\(path.stderr)")
        let paths = (try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as! [String: Any])["paths"] as! [[String: Any]]
        let hops = (paths.first?["hops"] as? [Any])?.count ?? -1
        #expect(hops > 0)
        let expected = try Expected()
        // Kuzu matches CSV columns by position: one STRING column per header cell, the first the key;
        // a relation file's first two columns are its ends.
        guard let out = try python("""
            import sys, csv, json, kuzu
            folder, db = sys.argv[1], sys.argv[2]
            def header(name):
                with open(f"{folder}/{name}", newline="", encoding="utf-8") as f:
                    return next(csv.reader(f))
            c = kuzu.Connection(kuzu.Database(db))
            nodes = [f"c{i} STRING" for i in range(len(header("entities.csv")))]
            c.execute("CREATE NODE TABLE Entity(" + ", ".join(nodes) + ", PRIMARY KEY(c0))")
            rels = [f"c{i} STRING" for i in range(2, len(header("relations.csv")))]
            c.execute("CREATE REL TABLE Relation(FROM Entity TO Entity, " + ", ".join(rels) + ")")
            c.execute(f"COPY Entity FROM '{folder}/entities.csv' (HEADER=true, PARALLEL=false)")
            c.execute(f"COPY Relation FROM '{folder}/relations.csv' (HEADER=true, PARALLEL=false)")
            one = lambda q: c.execute(q).get_next()[0]
            print(json.dumps({
                "nodes": one("MATCH (n:Entity) RETURN count(n)"),
                "edges": one("MATCH ()-[e:Relation]->() RETURN count(e)"),
                "path": one("MATCH (a:Entity)-[e:Relation* SHORTEST 1..30]-(b:Entity) "
                            "WHERE a.c0 = 'irgc' AND b.c0 = 'tower-22' RETURN length(e)")}))
            """, [csv, dir.appendingPathComponent("kuzu").path]) else { return }
        let o = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Int]
        #expect(o["nodes"] == expected.entities.count)
        #expect(o["edges"] == expected.relations.count)
        #expect(o["path"] == hops, "Kuzu's shortest path is \(o["path"] ?? -1) hops, kgraph path's \(hops)")
    }
}
