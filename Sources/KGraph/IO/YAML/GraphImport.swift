import Foundation

/// Why a graph could not be converted into the native format.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Turns a graph read from another format into one the native YAML format accepts without errors,
/// for `kgraph import`:
/// - ids become slugs (`[a-z0-9][a-z0-9._-]*`: lowercase, other scripts in Latin letters,
///   diacritics folded, `camelCase` split,
///   other characters `-`), kept unique; an entity whose id changed keeps the original in
///   `ids` under the format's name (`ids: {graphml: "n2::n0"}`);
/// - kinds and relation types are matched to the vocabulary by slug (`Person` is `person`); the
///   ones it lacks are an error, or with `extendVocabulary` are added to the file's vocabulary;
/// - documents that citations name but the file does not describe are added with a placeholder
///   title; relations without a source cite one added document standing for the imported file,
///   quoting the edge they came from, so the result loads and says where each fact came from.
public enum GraphImport {
    public struct Result: Sendable {
        /// The converted graph (its vocabulary includes the added kinds and types).
        public var graph: Graph
        /// Kinds and types to write in the file's `vocabulary:` section.
        public var kinds: [EntityKind]
        public var types: [RelationType]
        /// What was changed, for the user.
        public var notes: [String]
        /// Documents the file does not describe, made up so that every citation names one.
        public var placeholders: Set<String> = []
    }

    /// Converts `g`, read from `file` in `format` (`graphml`, `gexf`, `json`, `csv`...), against
    /// `vocabulary` (the graph it will join: its kinds and types are not new).
    public static func convert(_ g: Graph, file: String, format: String, extendVocabulary: Bool,
                               vocabulary standard: Vocabulary = .standard) throws(ImportError) -> Result {
        var notes: [String] = []

        // Kinds and types: the file's own vocabulary entries, then the ones used.
        var kindMap: [String: String] = [:]
        var newKinds: [EntityKind] = []
        var unknownKinds: [(String, Int)] = []
        var kindUse: [String: Int] = [:]
        for e in g.entities { kindUse[e.kind, default: 0] += 1 }
        var usedKinds: [String] = []
        for e in g.entities where kindMap[e.kind] == nil && !usedKinds.contains(e.kind) { usedKinds.append(e.kind) }
        var takenKinds = Set(standard.kinds.map(\.id))
        for k in g.vocabulary.kinds where standard.kind(k.id) != k {
            var kind = k
            kind.id = unique(slug(k.id), &takenKinds, allowing: standard.kind(slug(k.id)) != nil ? slug(k.id) : nil)
            kindMap[k.id] = kind.id
            newKinds.append(kind)
        }
        for k in usedKinds where kindMap[k] == nil {
            if standard.kind(k) != nil { kindMap[k] = k; continue }
            let s = slug(k)
            if standard.kind(s) != nil { kindMap[k] = s; continue }
            if let existing = newKinds.first(where: { $0.id == s }) { kindMap[k] = existing.id; continue }
            if extendVocabulary {
                let id = unique(s, &takenKinds)
                kindMap[k] = id
                newKinds.append(EntityKind(id: id, label: k))
            } else {
                unknownKinds.append((k, kindUse[k] ?? 0))
            }
        }
        var typeMap: [String: String] = [:]
        var newTypes: [RelationType] = []
        var unknownTypes: [(String, Int)] = []
        var typeUse: [String: Int] = [:]
        var usedTypes: [String] = []
        for r in g.relations {
            if typeUse[r.type] == nil { usedTypes.append(r.type) }
            typeUse[r.type, default: 0] += 1
        }
        var takenTypes = Set(standard.types.map(\.id))
        for t in g.vocabulary.types where standard.type(t.id) != t {
            var type = t
            type.id = unique(slug(t.id), &takenTypes, allowing: standard.type(slug(t.id)) != nil ? slug(t.id) : nil)
            typeMap[t.id] = type.id
            newTypes.append(type)
        }
        for t in usedTypes where typeMap[t] == nil {
            if standard.type(t) != nil { typeMap[t] = t; continue }
            let s = slug(t)
            if standard.type(s) != nil { typeMap[t] = s; continue }
            if let existing = newTypes.first(where: { $0.id == s }) { typeMap[t] = existing.id; continue }
            if extendVocabulary {
                let id = unique(s, &takenTypes)
                typeMap[t] = id
                newTypes.append(RelationType(id: id, label: t))
            } else {
                unknownTypes.append((t, typeUse[t] ?? 0))
            }
        }
        if !unknownKinds.isEmpty || !unknownTypes.isEmpty {
            var parts: [String] = []
            if !unknownKinds.isEmpty {
                parts.append("entity kinds the vocabulary lacks: " + unknownKinds.map { "'\($0.0)' (\($0.1))" }.joined(separator: ", "))
            }
            if !unknownTypes.isEmpty {
                parts.append("relation types the vocabulary lacks: " + unknownTypes.map { "'\($0.0)' (\($0.1))" }.joined(separator: ", "))
            }
            throw ImportError(message: parts.joined(separator: "; ")
                              + "; add them to the new file's vocabulary with --extend-vocabulary")
        }
        // Domain and range name kinds: map them too.
        for i in newTypes.indices {
            newTypes[i].domain = newTypes[i].domain.map { kindMap[$0] ?? slug($0) }
            newTypes[i].range = newTypes[i].range.map { kindMap[$0] ?? slug($0) }
        }
        let widened = widenedTypes(g, kindMap: kindMap, typeMap: typeMap, types: newTypes, base: standard)
        if !widened.isEmpty {
            guard extendVocabulary else {
                throw ImportError(message: "relations the vocabulary's domain and range refuse: "
                                  + widened.map(\.text).joined(separator: ", ")
                                  + "; allow them in the new file's vocabulary with --extend-vocabulary")
            }
            for w in widened {
                if let i = newTypes.firstIndex(where: { $0.id == w.type.id }) { newTypes[i] = w.type } else { newTypes.append(w.type) }
            }
            notes.append("vocabulary: " + widened.map(\.text).joined(separator: ", ") + " (the new file widens these types)")
        }

        // Ids.
        // Keyed by scalars, as ids are (`IDKey`): 'caf\u{E9}' and 'cafe\u{301}' get two slugs.
        var entityMap: [IDKey: String] = [:]
        var takenEntities = Set<String>()
        for e in g.entities { entityMap[IDKey(e.id)] = unique(slug(e.id), &takenEntities, preferExact: e.id) }
        var documentMap: [IDKey: String] = [:]
        var takenDocuments = Set<String>()
        for d in g.documents { documentMap[IDKey(d.id)] = unique(slug(d.id), &takenDocuments, preferExact: d.id) }
        var takenRelations = Set<String>()

        var vocabulary = g.vocabulary
        for k in newKinds { vocabulary.define(k) }
        for t in newTypes { vocabulary.define(t) }
        var out = Graph(vocabulary: vocabulary)
        out.title = g.title
        out.description = g.description
        for d in g.documents {
            var doc = d
            doc.id = documentMap[IDKey(d.id)]!
            doc.location = nil
            _ = try? out.add(doc)
        }
        var renamedEntities = 0
        for e in g.entities {
            // Every field that names an entity (a country) follows its new id.
            var x = e.renamingIDs(entity: { entityMap[IDKey($0)] })
            x.id = entityMap[IDKey(e.id)]!
            if !sameScalars(x.id, e.id) {
                renamedEntities += 1
                if x.externalIDs[format] == nil { x.externalIDs[format] = e.id }
            }
            x.kind = kindMap[e.kind] ?? e.kind
            var seen: Set<String> = [x.name]
            x.aliases = e.aliases.filter { seen.insert($0).inserted }
            x.location = nil
            _ = try? out.add(x)
        }
        if renamedEntities > 0 {
            notes.append("\(renamedEntities) entity id(s) were made slugs; each keeps its original id under ids: {\(format): ...}")
        }

        // Documents for citations the file does not describe, and for relations without any.
        let base = URL(fileURLWithPath: file).lastPathComponent
        var missing: [String] = []
        for r in g.relations {
            for c in r.sources where documentMap[IDKey(c.document)] == nil {
                let id = unique(slug(c.document), &takenDocuments, preferExact: c.document)
                documentMap[IDKey(c.document)] = id
                missing.append(c.document)
                _ = try? out.add(Document(id: id, title: "(document '\(c.document)', not described in \(base))",
                                          note: "kgraph import added this placeholder: \(base) cites the document but does not describe it."))
            }
        }
        if !missing.isEmpty {
            notes.append("\(missing.count) cited document(s) are not described in \(base); placeholders were added: "
                         + missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", ..." : ""))
        }
        var importDocument: String?
        var unsourced = 0
        for r in g.relations {
            // Every field that names an entity or a document (the ends, a citation's document and
            // speaker) follows its new id.
            var x = r.renamingIDs(entity: { entityMap[IDKey($0)] }, document: { documentMap[IDKey($0)] })
            x.id = unique(slug(r.id), &takenRelations, preferExact: r.id)
            x.type = typeMap[r.type] ?? r.type
            if x.sources.isEmpty {
                if importDocument == nil {
                    let id = unique("import-" + slug((base as NSString).deletingPathExtension), &takenDocuments)
                    importDocument = id
                    // No `file:`: that names a document's text, which quotes are verified against,
                    // and these "quotes" describe edges rather than copy words.
                    _ = try? out.add(Document(id: id, title: "Imported from \(base)",
                                              note: "kgraph import added this document: the relations citing it had no source in "
                                                + "\(base). Replace these citations with the reports the facts come from."))
                }
                x.sources = [Citation(document: importDocument!, quote: "edge \(r.id) from \(r.source) to \(r.target)")]
                unsourced += 1
            }
            x.location = nil
            _ = try? out.add(x)
        }
        if unsourced > 0 {
            notes.append("\(unsourced) relation(s) had no source; they cite '\(importDocument!)', which stands for \(base): "
                         + "replace those citations with real ones")
        }
        if !newKinds.isEmpty || !newTypes.isEmpty {
            let k = newKinds.filter { standard.kind($0.id) == nil }.map(\.id)
            let t = newTypes.filter { standard.type($0.id) == nil }.map(\.id)
            if !k.isEmpty { notes.append("vocabulary: kinds " + k.joined(separator: ", ")) }
            if !t.isEmpty { notes.append("vocabulary: relation types " + t.joined(separator: ", ")) }
        }
        var placeholders = Set(missing.compactMap { documentMap[IDKey($0)] })
        if let importDocument { placeholders.insert(importDocument) }
        return Result(graph: out, kinds: newKinds, types: newTypes, notes: notes, placeholders: placeholders)
    }

    /// A relation type the file uses between kinds its domain or range leaves out (nodes without a
    /// kind in igraph files, a person who "struck"), widened to take them, so each relation is kept
    /// as the file says it rather than refused.
    struct WidenedType {
        var type: RelationType
        var count: Int
        var added: [String]
        /// `'struck' from person (2 relations)`.
        var text: String { "'\(type.id)' " + added.joined(separator: ", ") + " (\(count) relation(s))" }
    }

    /// The types `g`'s relations need widened, in order of first need.
    private static func widenedTypes(_ g: Graph, kindMap: [String: String], typeMap: [String: String],
                                     types: [RelationType], base: Vocabulary) -> [WidenedType] {
        var out: [WidenedType] = []
        var position: [String: Int] = [:]
        for (i, r) in g.relations.enumerated() {
            let id = typeMap[r.type] ?? r.type
            guard let type = types.first(where: { $0.id == id }) ?? base.type(id) else { continue }
            let source = g.entities[Int(g.sourceIndex(ofRelation: Int32(i)))].kind
            let target = g.entities[Int(g.targetIndex(ofRelation: Int32(i)))].kind
            let s = kindMap[source] ?? source, t = kindMap[target] ?? target
            let badSource = !type.domain.isEmpty && !type.domain.contains(s)
            let badTarget = !type.range.isEmpty && !type.range.contains(t)
            guard badSource || badTarget else { continue }
            let k = position[id] ?? out.count
            if k == out.count {
                position[id] = k
                out.append(WidenedType(type: type, count: 0, added: []))
            }
            out[k].count += 1
            if badSource && !out[k].type.domain.contains(s) {
                out[k].type.domain.append(s)
                out[k].added.append("from " + s)
            }
            if badTarget && !out[k].type.range.contains(t) {
                out[k].type.range.append(t)
                out[k].added.append("to " + t)
            }
        }
        return out
    }

    /// `s` as a slug: lowercase ASCII letters and digits, `.`, `_`, `-`; `camelCase` split by `-`.
    public static func slug(_ s: String) -> String {
        var split = ""
        var previous: Character?
        for ch in s {
            if let p = previous, p.isLowercase || p.isNumber, ch.isUppercase { split.append("-") }
            split.append(ch)
            previous = ch
        }
        // Other scripts in Latin letters (`حزب الله` -> `hzb-allh`, `Кирилл` -> `kirill`): a readable
        // slug rather than `x`, `x-2` (the original id is kept under `ids:`).
        if !split.unicodeScalars.allSatisfy(\.isASCII),
           let latin = split.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) {
            split = latin
        }
        let folded = split.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var out = ""
        var lastDash = false
        for u in folded.unicodeScalars {
            let ok = ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "." || u == "_"
            if ok {
                out.unicodeScalars.append(u)
                lastDash = false
            } else if !lastDash && !out.isEmpty {
                out += "-"
                lastDash = true
            } else if u == "-" && out.isEmpty {
                continue
            }
        }
        while let f = out.unicodeScalars.first, !(("a"..."z").contains(f) || ("0"..."9").contains(f)) { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    /// `s`, or `s-2`, `s-3`... whichever is free; `allowing` may be taken already (a shared id).
    private static func unique(_ s: String, _ taken: inout Set<String>, allowing: String? = nil, preferExact: String? = nil) -> String {
        if let allowing, s == allowing { return s }
        if taken.insert(s).inserted { return s }
        var n = 2
        while !taken.insert(s + "-" + String(n)).inserted { n += 1 }
        return s + "-" + String(n)
    }
}
