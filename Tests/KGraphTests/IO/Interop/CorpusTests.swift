import Foundation
import Testing
@testable import KGraph

/// Every file of Tests/Fixtures/corpus (real files from other tools, described in SOURCES.md) loads
/// with the node and edge counts NetworkX or igraph read, or is refused with a located error.
@Suite
struct CorpusTests {
    enum Expected {
        case counts(Int, Int, String)
        case refused(String, String)
    }

    static let expectations: [(String, Expected)] = [
        ("graphml/tinkerpop_modern.graphml", .counts(6, 6, "both")),
        ("graphml/tinkerpop_grateful_dead.graphml", .counts(808, 8049, "both")),
        ("graphml/tinkerpop_graph_types.graphml", .refused("27:56", "key 'id-n' has attr.type 'nothing-supported-and-goes-to-string'; "
                                                                     + "GraphML allows boolean, int, long, float, double and string")),
        ("graphml/gephi_lesmiserables.graphml", .counts(77, 254, "both")),
        ("graphml/graphology_mixed_multigraph.graphml", .counts(6, 8, "igraph")),
        ("graphml/graphology_missing_nodes.graphml", .counts(51, 37, "both")),
        ("graphml/boost_graphml_test.graphml", .counts(7, 8, "both")),
        ("graphml/jung_two_graphs_hyperedges.graphml", .counts(6, 7, "igraph")),
        ("graphml/yed_3_23_groups_cdata.graphml", .counts(7, 4, "networkx")),
        ("graphml/prefuse_terror.graphml", .counts(34, 85, "igraph")),
        ("graphml/prefuse_graphml_sample.graphml", .counts(6, 7, "both")),
        ("graphml/osmnx_oakland_piedmont_drive.graphml", .counts(352, 944, "both")),
        ("graphml/apoc_invalid_control_chars.graphml", .refused("5:16", "character U+0013 (a control character) is not allowed in XML")),
        ("graphml/krlawrence_epl_2013_2014.graphml", .counts(33, 423, "both")),
        ("graphml/igraph_star_undirected.graphml", .counts(9, 8, "both")),
        ("graphml/networkx_shipping_flow.graphml", .counts(24, 53, "both")),
        ("gexf/gephi_lesmiserables.gexf", .counts(77, 254, "networkx")),
        ("gexf/gephi_0_8_1_rio.gexf", .counts(366, 1107, "networkx")),
        ("gexf/graphology_v1_3_lists.gexf", .counts(2, 1, "the file (networkx fails on listboolean)")),
        ("gexf/networkit_dynamic.gexf", .counts(4, 5, "networkx")),
    ]

    @Test func everyFileOfTheCorpusIsListed() throws {
        var found: [String] = []
        for dir in ["graphml", "gexf"] {
            for f in try FileManager.default.contentsOfDirectory(atPath: corpusFolder.appendingPathComponent(dir).path) {
                found.append(dir + "/" + f)
            }
        }
        #expect(found.sorted() == Self.expectations.map(\.0).sorted())
    }

    @Test(arguments: expectations)
    func loadsWithTheCountsOfRealReaders(_ name: String, _ expected: Expected) throws {
        let path = corpusFolder.appendingPathComponent(name).path
        let result = try GraphLoader.load(paths: [path])
        let errors = result.diagnostics.filter { $0.severity == .error }
        switch expected {
        case let .counts(nodes, edges, who):
            #expect(errors.isEmpty, "\(errors.prefix(3))")
            #expect(result.graph.entityCount == nodes, "nodes, as \(who) reads them")
            #expect(result.graph.relationCount == edges, "edges, as \(who) reads them")
            result.graph.checkInvariants()
        case let .refused(place, message):
            #expect(errors.count == 1)
            #expect(errors.first?.description == "\(path):\(place): error: \(message)")
        }
    }

    @Test func yedLabelsDescriptionsAndGroups() throws {
        let g = try GraphLoader.load(paths: [corpusFolder.appendingPathComponent("graphml/yed_3_23_groups_cdata.graphml").path]).graph
        #expect(g.entity(id: "n0")?.name == "Ivrea")
        #expect(g.entity(id: "n2::n0")?.name == "Savona")
        #expect(g.entity(id: "n2::n0")?.attributes["parent"] == .string("n2"))
        #expect(g.entity(id: "n2")?.description?.hasPrefix("Northern Italy (Italian: Italia settentrionale") == true)
        #expect(g.entity(id: "n0")?.attributes["url"] == .string("https://www.comune.ivrea.to.it/"))
    }

    @Test func keysDeclaredInsideTheGraphAreKept() throws {
        let g = try GraphLoader.load(paths: [corpusFolder.appendingPathComponent("graphml/prefuse_terror.graphml").path]).graph
        #expect(g.entities.filter { !$0.attributes.isEmpty || $0.name != $0.id }.count == 34)
    }

    @Test func gexfTimeListsAndEntities() throws {
        let dynamic = try GraphLoader.load(paths: [corpusFolder.appendingPathComponent("gexf/networkit_dynamic.gexf").path]).graph
        #expect(dynamic.entity(id: "0")?.name == "Gephi")
        #expect(dynamic.relations.contains { $0.time != nil })
        let lists = try GraphLoader.load(paths: [corpusFolder.appendingPathComponent("gexf/graphology_v1_3_lists.gexf").path]).graph
        let suzy = try #require(lists.entity(id: "Suzy"))
        let abc = AttributeValue.list([.string("a"), .string("b"), .string("c")])
        for name in ["pipe", "comma", "raw", "double"] { #expect(suzy.attributes[name] == abc, "\(name)") }
        #expect(suzy.attributes["single"] == .list([.string("a"), .string("'b'"), .string("c")]))
    }
}
