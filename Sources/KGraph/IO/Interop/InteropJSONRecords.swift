/// Entities and relations as flat JSON objects, shared by the node-link and Cytoscape writers and
/// readers: fields under the `InteropField` names, free attributes beside them, and any attribute
/// whose name a field already uses nested under `attributes`.
enum InteropJSONRecords {
    /// Entity field names (besides the name key and `id`).
    static let entityFields: Set<String> = Set(["id", "value", "label", "name", "attributes"] + InteropField.entityColumns.map { $0.column! })
    /// Relation field names.
    static let relationFields: Set<String> = Set(["id", "key", "source", "target", "label", "interaction", "attributes"]
                                                 + InteropField.relationColumns.flatMap { [$0.column!] + [InteropField.precisionColumn($0)].compactMap { $0 } })

    /// `"key":value` members of an entity, in a fixed order.
    static func entity(_ e: Entity, nameKey: String) -> [(String, String)] {
        var f: [(String, String)] = [("id", JSONText.quote(e.id)), (nameKey, JSONText.quote(e.name))]
        for field in InteropField.entityColumns {
            if let d = field.get(e) { f.append((field.column!, InteropValues.json(d))) }
        }
        f += attributes(e.attributes, reserved: entityFields)
        return f
    }

    /// `"key":value` members of a relation (its id under `idKey`), in a fixed order: the type's
    /// reading (`label`), then each column of `InteropField.relationColumns` (the type under
    /// `typeKeys` too), each date with its precision.
    static func relation(_ r: Relation, in g: Graph, idKey: String, typeKeys: [String]) -> [(String, String)] {
        var f: [(String, String)] = [("source", JSONText.quote(r.source)), ("target", JSONText.quote(r.target)),
                                     (idKey, JSONText.quote(r.id))]
        for k in typeKeys where !InteropField.relationColumns.contains(where: { $0.column == k }) { f.append((k, JSONText.quote(r.type))) }
        f.append(("label", JSONText.quote(g.vocabulary.type(r.type)?.label ?? r.type)))
        for field in InteropField.relationColumns {
            guard let d = InteropField.exported(field, r) else { continue }
            f.append((field.column!, InteropValues.json(d)))
            if let p = InteropField.precisionColumn(field), let v = InteropField.precision(d) { f.append((p, JSONText.quote(v))) }
        }
        f += attributes(r.attributes, reserved: relationFields)
        return f
    }

    private static func attributes(_ a: [String: AttributeValue], reserved: Set<String>) -> [(String, String)] {
        var out: [(String, String)] = []
        var nested: [String: AttributeValue] = [:]
        for k in a.keys.sorted() {
            if reserved.contains(k) { nested[k] = a[k] } else { out.append((k, a[k]!.jsonText)) }
        }
        if !nested.isEmpty { out.append(("attributes", AttributeValue.map(nested).jsonText)) }
        return out
    }

    /// A JSON object from members.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { JSONText.quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// Adds the entity a node object describes, unless its id was declared before (then a
    /// located error naming where it was first).
    static func addNode(_ o: [(key: String, value: JSONValue)], id: String, own: Bool, at location: FileLocation,
                        declared: inout [IDKey: FileLocation], into fragment: inout GraphFragment,
                        diagnostics: inout [Diagnostic]) {
        if let first = declared[IDKey(id)] {
            diagnostics.append(Diagnostic(.error, "duplicate node id '\(id)' (first at \(first))", at: location))
            return
        }
        declared[IDKey(id)] = location
        fragment.entities.append(entity(o, id: id, own: own, location: location))
    }

    /// The entity a JSON object describes. `own` says the file is kgraph's (fields by name,
    /// `attributes` nested); otherwise foreign names are mapped as for every format.
    static func entity(_ o: [(key: String, value: JSONValue)], id: String, own: Bool, location: FileLocation?) -> Entity {
        var values = EntityValues()
        // `value` repeats the id in kgraph's Cytoscape files (CytoscapeWriter).
        for (k, v) in o where k != "id" && !(own && k == "value") {
            if own && k == "attributes", case .object(let inner, _) = v {
                for (ik, iv) in inner { if let av = iv.attributeValue { values.add(.attribute, ik, av) } }
                continue
            }
            guard let av = v.attributeValue else { continue }
            var role = NodeRole.foreign(k)
            if own {
                switch k {
                case "label", "name": role = .name(0)
                case _ where k == "kind" || InteropField.entityField(k) != nil: break
                default: role = .attribute
                }
            }
            values.add(role, k, av)
        }
        return values.entity(id: id, location: location)
    }

    /// The relation a JSON object describes (`source`, `target` and the id already taken out).
    static func relation(_ o: [(key: String, value: JSONValue)], id: String, source: String, target: String, own: Bool,
                         location: FileLocation?) -> Relation {
        var values = RelationValues()
        for (k, v) in o where !["source", "target", "key", "id"].contains(k) {
            if own && k == "attributes", case .object(let inner, _) = v {
                for (ik, iv) in inner { if let av = iv.attributeValue { values.add(.attribute, ik, av) } }
                continue
            }
            guard let av = v.attributeValue else { continue }
            var role = EdgeRole.foreign(k)
            if k == "interaction" { role = .type(1) }
            if own { role = k == "interaction" ? .type(0) : EdgeRole.own(k) ?? .attribute }
            values.add(role, k, av)
        }
        return values.relation(id: id, source: source, target: target, location: location)
    }

    /// A node or edge id: a string, or a number written as text.
    static func idText(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .double(let d)?: return String(d)
        case .bool(let b)?: return b ? "true" : "false"
        default: return nil
        }
    }
}
