/// Why an endpoint text named no entity.
public enum EndpointError: Error, Equatable, CustomStringConvertible {
    case name(NameError)
    case unknownKind(kind: String, kinds: [String])
    case noEntityOfKind(String)

    public var description: String {
        switch self {
        case .name(let e): return e.description
        case let .unknownKind(kind, kinds):
            return "unknown kind '\(kind)' in 'kind:\(kind)'; kinds: " + kinds.joined(separator: ", ")
        case .noEntityOfKind(let kind): return "no entity is of kind '\(kind)'"
        }
    }
}

/// The entities one endpoint of a query stands for: one entity, every entity sharing a name or
/// alias ("US base"), or every entity of a kind (`kind:site`).
public struct Endpoint: Hashable, Sendable {
    /// What the user wrote.
    public var text: String
    /// The entities, in graph order.
    public var entities: [Int32]

    public init(text: String, entities: [Int32]) {
        self.text = text
        self.entities = entities
    }

    /// True when the text stood for more than one entity.
    public var isSet: Bool { entities.count > 1 }
}

extension NameIndex {
    /// Resolves an endpoint: `kind:K` is every entity of kind K; otherwise an id, name or alias, which
    /// may stand for several entities.
    /// - Complexity: O(length of text) for a name; O(entities) for `kind:`.
    public func endpoint(_ text: String, in graph: Graph) throws(EndpointError) -> Endpoint {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased().hasPrefix("kind:") {
            let kind = String(t.dropFirst(5)).trimmingCharacters(in: .whitespaces)
            let list = (0..<Int32(graph.entityCount)).filter { graph.entity(at: $0).kind == kind }
            if !list.isEmpty { return Endpoint(text: text, entities: list) }
            if graph.vocabulary.kind(kind) == nil {
                throw .unknownKind(kind: kind, kinds: graph.vocabulary.kinds.map(\.id))
            }
            throw .noEntityOfKind(kind)
        }
        do {
            return Endpoint(text: text, entities: try entities(named: t, graph: graph).sorted())
        } catch {
            throw .name(error)
        }
    }
}

import Foundation
