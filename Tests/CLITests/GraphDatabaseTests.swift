import Foundation
import Testing

/// The graph-database exports loaded into real engines: the Neo4j CSV pair into Kuzu (`COPY FROM`)
/// and the Cypher script into FalkorDB (falkordblite), whose shortest paths between the IRGC and a
/// US base have `kgraph path`'s length.
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

    /// The `--dialect falkordb` script runs unmodified in FalkorDB, statement by statement (one a
    /// line, as `GRAPH.QUERY` takes them): every entity, relation and document arrives with its
    /// name, kind label and dates, FalkorDB's shortest path (`algo.SPpaths`, both directions) between
    /// the IRGC and Tower 22 has `kgraph path`'s length, and running the MERGEs again adds nothing.
    /// The hostile fixture's strings come back as kgraph reads them.
    @Test func cypherScriptRunsInFalkorDB() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("g.cypher").path, hostile = dir.appendingPathComponent("h.cypher").path
        let r = try kgraph(["export", "cypher", "--dialect", "falkordb", "-o", script] + shippedGraph)
        #expect(r.status == 0, "\(r.stderr)")
        let fixture = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/hostile.yaml").path
        #expect(try kgraph(["export", "cypher", "--dialect", "falkordb", "-o", hostile, "--graph", fixture]).status == 0)
        let path = try kgraph(["path", "IRGC", "Tower 22", "--format", "json"] + shippedGraph)
        let paths = (try JSONSerialization.jsonObject(with: Data(path.stdout.utf8)) as! [String: Any])["paths"] as! [[String: Any]]
        let hops = (paths.first?["hops"] as? [Any])?.count ?? -1
        #expect(hops > 0)
        let expected = try Expected()
        let names = (try JSONSerialization.jsonObject(with: Data(try kgraph(["entities", "--format", "json", "--graph", fixture]).stdout.utf8))
            as! [[String: Any]]).map { $0["name"] as! String }.sorted()
        // falkordblite needs Python 3.12 or later: .ci/setup test gives it a Python of its own.
        let python = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kgraph/falkordb/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("no \(python): make test installs falkordblite there through .ci/setup test")
            return
        }
        let out = try runTool(python, ["-c", """
            import sys, json
            from redislite.falkordb_client import FalkorDB
            db = FalkorDB(sys.argv[1])
            def load(graph, file):
                g = db.select_graph(graph)
                statements = [l for l in open(file, encoding="utf-8").read().split("\\n") if l and not l.startswith("//")]
                for s in statements:
                    g.query(s)
                return g, statements
            g, statements = load("kgraph", sys.argv[2])
            one = lambda q: g.query(q).result_set[0][0]
            counts = lambda: [one("MATCH (n:Entity) RETURN count(n)"), one("MATCH ()-[r]->() RETURN count(r)"),
                              one("MATCH (d:Document) RETURN count(d)")]
            before = counts()
            path = one("MATCH (a:Entity {id: 'irgc'}), (b:Entity {id: 'tower-22'}) "
                       "CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both'}) YIELD path RETURN length(path)")
            tower = g.query("MATCH (n:Entity {id: 'tower-22'}) RETURN n.name, labels(n)").result_set[0]
            dated = one("MATCH ()-[r]->() WHERE r.start IS NOT NULL OR r.end IS NOT NULL RETURN count(r)")
            for s in statements:
                if s.startswith("MERGE") or s.startswith("MATCH"):
                    g.query(s)
            h, _ = load("hostile", sys.argv[3])
            print(json.dumps({"counts": before, "again": counts(), "path": path, "tower": tower, "dated": dated,
                              "names": sorted(r[0] for r in h.query("MATCH (n:Entity) RETURN n.name").result_set)}))
            """, dir.appendingPathComponent("falkordb.db").path, script, hostile])
        guard out.status == 0 else {
            Issue.record("FalkorDB could not run the script: \(out.stderr.suffix(2000))")
            return
        }
        let o = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        let documents = try JSONSerialization.jsonObject(with: Data(try kgraph(["documents", "--format", "json"] + shippedGraph).stdout.utf8)) as! [Any]
        #expect(o["counts"] as? [Int] == [expected.entities.count, expected.relations.count, documents.count])
        #expect(o["again"] as? [Int] == o["counts"] as? [Int], "running the MERGEs again adds nothing")
        #expect(o["path"] as? Int == hops, "FalkorDB's shortest path is \(o["path"] ?? -1) hops, kgraph path's \(hops)")
        let tower = o["tower"] as? [Any]
        #expect(tower?.first as? String == "Tower 22")
        #expect(tower?.last as? [String] == ["Entity", "Site"])
        #expect(o["dated"] as? Int == expected.relationCount("date"))
        #expect(o["names"] as? [String] == names, "FalkorDB reads the hostile names as kgraph does")
    }
}
