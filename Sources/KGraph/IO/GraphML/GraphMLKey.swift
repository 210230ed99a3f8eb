import Foundation

/// A GraphML value type (`attr.type`).
enum GraphMLType: String {
    case boolean, int, long, float, double, string
}

/// The elements a `<data>` may describe, as `keyIndex` is asked for them; the raw value is the
/// column of `GraphMLParser.keyByDomain`.
enum GraphMLDomain: Int {
    case node, edge, graph

    var name: String {
        switch self {
        case .node: "node"
        case .edge: "edge"
        case .graph: "graph"
        }
    }
}

/// A declared (or used but undeclared) `<key>`.
struct GraphMLKey {
    var id: String
    var domain: String
    var name: String
    var type: GraphMLType
    var defaultValue: AttributeValue?
    var nodeRole: NodeRole
    var edgeRole: EdgeRole
    /// The graph-level field it fills: title, description, documents, vocabulary, or nil.
    var graphField: String?
    /// kgraph's export writes lists and maps as JSON text and marks those keys.
    var json: Bool
    /// kgraph's export writes scalars of mixed types as plain text whose type is inferred.
    var infer = false
    /// yEd's graphics keys carry labels, not values.
    var yfiles: Bool
    var location: FileLocation
    var idBytes: [UInt8] = []
    /// One bit per `GraphMLDomain` whose `<data>` may name it (set when declared).
    var domainBits: UInt8 = 0

    func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
}
