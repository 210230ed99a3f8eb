import Foundation

/// Folds a name the way people type it: case, diacritics, straight and curly apostrophes, dots,
/// hyphens, spaces and other punctuation are ignored ("U.S." = "us", "Kata’ib" = "kataib"), and so
/// are a leading article and possessive endings ("the Pentagon" = "pentagon", "Iran’s" = "iran").
public func normalizedName(_ s: String) -> String {
    let core = withoutArticleAndPossessives(s)
    // ASCII (most ids and names): folding is lowercasing, and only letters and digits remain.
    return asciiFolded(core) ?? unicodeFolded(core)
}

/// `s` without a leading "the " and without "'s" / "’s" at the end of a word. Reports write "the
/// Pentagon", "The Pentagon" and "Iran's Islamic Revolutionary Guard Corps" for entities named
/// "Pentagon" and "Islamic Revolutionary Guard Corps"; a name that is only "the" keeps it.
func withoutArticleAndPossessives(_ s: String) -> String {
    // Most names have neither an apostrophe nor a leading t: they are returned without a copy.
    let first = s.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    guard first == UInt8(ascii: "t") || first == UInt8(ascii: "T") || (first ?? 0) >= 0x80
            || s.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 >= 0x80 }) else { return s }
    var scalars = Array(s.unicodeScalars)
    // A leading "the" counts only as a word of its own with something after it ("Theresa" stays).
    let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.count
    if scalars.count > start + 4, isWord(scalars[start..<start + 3], "the"),
       scalars[start + 3].properties.isWhitespace,
       scalars[(start + 4)...].contains(where: { !$0.properties.isWhitespace }) {
        scalars.removeSubrange(..<(start + 4))
    }
    // A possessive: a word, an apostrophe, then "s" ending the word.
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
        let u = scalars[i]
        if (u == "'" || u == "\u{2019}") && i > 0 && isWordCharacter(scalars[i - 1])
            && i + 1 < scalars.count && (scalars[i + 1] == "s" || scalars[i + 1] == "S")
            && (i + 2 == scalars.count || !isWordCharacter(scalars[i + 2])) {
            i += 2
            continue
        }
        out.append(u)
        i += 1
    }
    return String(out)
}

private func isWord(_ scalars: ArraySlice<Unicode.Scalar>, _ word: String) -> Bool {
    scalars.count == word.unicodeScalars.count
        && zip(scalars, word.unicodeScalars).allSatisfy { $0.properties.lowercaseMapping == String($1) }
}

private func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
    u.properties.isAlphabetic || u.properties.numericType != nil
}

/// The general folding, through Foundation: any script, diacritics and widths.
func unicodeFolded(_ s: String) -> String {
    let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var out = String.UnicodeScalarView()
    for u in folded.unicodeScalars where u.properties.isAlphabetic || u.properties.numericType != nil {
        out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
    }
    return String(out)
}

/// The folded form of an all-ASCII string, or nil when `s` has other characters.
func asciiFolded(_ s: String) -> String? {
    var s = s
    return s.withUTF8 { bytes -> String? in
        var isASCII = true
        let out = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var n = 0
            for b in bytes {
                if b >= 0x80 { isASCII = false; return 0 }
                if (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) {
                    buffer[n] = b; n += 1
                } else if b >= 0x41 && b <= 0x5a {
                    buffer[n] = b | 0x20; n += 1
                }
            }
            return n
        }
        return isASCII ? out : nil
    }
}

/// True when `normalizedName(s)` is `key` (a folded name's UTF-8), mostly without folding `s`: an
/// ASCII name is compared as it folds, byte by byte, up to its first apostrophe (where a possessive
/// may go); names with an apostrophe, a leading "the" or other characters are folded whole.
func folds(_ s: String, to key: UnsafeBufferPointer<UInt8>) -> Bool {
    let quick = s.utf8.withContiguousStorageIfAvailable { b -> Bool? in
        var i = 0
        while i < b.count && (b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D)) { i += 1 }
        if b.count - i >= 4 && b[i] | 0x20 == UInt8(ascii: "t") && b[i + 1] | 0x20 == UInt8(ascii: "h")
            && b[i + 2] | 0x20 == UInt8(ascii: "e") { return nil }
        var k = 0
        while i < b.count {
            var c = b[i]
            i += 1
            if c >= 0x80 || c == UInt8(ascii: "'") { return nil }
            if c >= 0x41 && c <= 0x5a { c |= 0x20 } else if !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) { continue }
            guard k < key.count && key[k] == c else { return false }
            k += 1
        }
        return k == key.count
    }
    if let quick = quick, let answer = quick { return answer }
    return normalizedName(s).utf8.elementsEqual(key)
}

/// What a name resolved to.
public enum NameMatch: Equatable, Sendable {
    /// Exactly one entity.
    case unique(Int32)
    /// Several entities share the name (e.g. an alias like "US base").
    case ambiguous([Int32])
    /// No entity; up to five suggestions, nearest first.
    case notFound(suggestions: [Int32])
}

/// Why a name did not resolve to one entity.
public enum NameError: Error, Equatable, CustomStringConvertible {
    case notFound(name: String, suggestions: [String])
    case ambiguous(name: String, candidates: [String])

    public var description: String {
        switch self {
        case let .notFound(name, suggestions):
            let s = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "no entity is called '\(name)'\(s)"
        case let .ambiguous(name, candidates):
            return "'\(name)' names several entities: " + candidates.joined(separator: ", ")
                + "; use an id to pick one"
        }
    }
}

/// An index from folded ids, names and aliases to entities.
///
///     let names = NameIndex(graph)
///     names.resolve("Kata'ib Hezbollah")   // .unique(3)
///
/// The table is made when first needed: a command that resolves one or two names (`kgraph path A B`
/// on a million relations) compares them with each entity's names as they fold instead, which
/// costs a small part of folding and hashing every name; the table comes after `scansBeforeTable`
/// lookups, or for suggestions and `foldedKeys`.
public struct NameIndex: Sendable {
    private let graph: Graph
    private let lazy = LazyTable()

    /// Lookups answered by a scan before the table is made (a scan costs about a fiftieth of it).
    static let scansBeforeTable = 8

    /// An index of every entity's id, name and aliases.
    /// - Complexity: O(1); the first lookups O(total length of names) each.
    public init(_ graph: Graph) {
        self.graph = graph
    }

    /// The table once made, and how many lookups scanned before it.
    private final class LazyTable: @unchecked Sendable {
        let lock = NSLock()
        var table: Table?
        var scans = 0
    }

    /// The table, made on first use; nil while lookups may still scan (counting this one).
    private func tableOrScan() -> Table? {
        lazy.lock.lock()
        defer { lazy.lock.unlock() }
        if lazy.table == nil {
            if lazy.scans < Self.scansBeforeTable { lazy.scans += 1; return nil }
            lazy.table = Table(graph)
        }
        return lazy.table
    }

    private var table: Table {
        lazy.lock.lock()
        defer { lazy.lock.unlock() }
        if lazy.table == nil { lazy.table = Table(graph) }
        return lazy.table!
    }

    /// The entities whose id, name or an alias folds to `key`, in graph order, found by a scan.
    private func scan(_ key: String) -> [Int32] {
        var found: [Int32] = []
        var key = key
        key.withUTF8 { k in
            graph.entities.withUnsafeBufferPointer { entities in
                for i in entities.indices {
                    if folds(entities[i].id, to: k) || folds(entities[i].name, to: k)
                        || entities[i].aliases.contains(where: { folds($0, to: k) }) {
                        found.append(Int32(i))
                    }
                }
            }
        }
        return found
    }

    /// Folded key -> the one entity it names or, as `-(n + 1)`, the list `shared[n]` of the
    /// entities that share it (most keys name one entity: no list per key).
    private struct Table {
        var byKey: [String: Int32] = [:]
        var shared: [[Int32]] = []

        /// Indexes every entity's id, name and aliases.
        /// - Complexity: O(total length of names).
        init(_ graph: Graph) {
            byKey.reserveCapacity(graph.entityCount * 2)
            var keys: [String] = []
            for i in 0..<Int32(graph.entityCount) {
                let e = graph.entity(at: i)
                // An entity's id, name and aliases often fold alike: each key once per entity.
                keys.removeAll(keepingCapacity: true)
                for j in 0..<(e.aliases.count + 2) {
                    let k = normalizedName(j == 0 ? e.id : j == 1 ? e.name : e.aliases[j - 2])
                    if !k.isEmpty && !keys.contains(k) { keys.append(k) }
                }
                for k in keys { add(k, i) }
            }
        }

        private mutating func add(_ key: String, _ entity: Int32) {
            guard let old = byKey.updateValue(entity, forKey: key) else { return }
            if old >= 0 {
                shared.append([old, entity])
                byKey[key] = -Int32(shared.count)
            } else {
                byKey[key] = old
                shared[Int(-old - 1)].append(entity)
            }
        }

        func entities(_ value: Int32) -> [Int32] { value >= 0 ? [value] : shared[Int(-value - 1)] }
    }

    /// Every folded key with the entities it names, so another program (the HTML explorer) can
    /// resolve names by this index's rule instead of restating it.
    /// - Complexity: O(number of keys).
    public var foldedKeys: [(key: String, entities: [Int32])] {
        let t = table
        return t.byKey.map { ($0.key, t.entities($0.value)) }
    }

    /// The entities an id, name or alias stands for.
    /// - Complexity: O(length of name); O(number of keys) when not found (for suggestions).
    public func resolve(_ name: String) -> NameMatch {
        let key = normalizedName(name)
        guard let t = tableOrScan() else {
            let found = key.isEmpty ? [] : scan(key)
            if found.count == 1 { return .unique(found[0]) }
            if found.count > 1 { return .ambiguous(found) }
            return .notFound(suggestions: suggestions(for: key, in: table))
        }
        if let value = t.byKey[key] {
            return value >= 0 ? .unique(value) : .ambiguous(t.entities(value))
        }
        return .notFound(suggestions: suggestions(for: key, in: t))
    }

    /// The entities a name stands for; throws when there is none.
    public func entities(named name: String, graph: Graph) throws(NameError) -> [Int32] {
        switch resolve(name) {
        case .unique(let i): return [i]
        case .ambiguous(let all): return all
        case .notFound(let s): throw .notFound(name: name, suggestions: s.map { label(graph, $0) })
        }
    }

    /// The one entity a name stands for; throws when there is none or several.
    public func entity(named name: String, graph: Graph) throws(NameError) -> Int32 {
        switch resolve(name) {
        case .unique(let i): return i
        case .ambiguous(let all): throw .ambiguous(name: name, candidates: all.map { label(graph, $0) })
        case .notFound(let s): throw .notFound(name: name, suggestions: s.map { label(graph, $0) })
        }
    }

    private func label(_ graph: Graph, _ i: Int32) -> String { "\(graph.entity(at: i).name) [\(graph.entity(at: i).id)]" }

    /// Up to five entities whose folded names are near `key`: prefix or substring matches first,
    /// then by edit distance.
    private func suggestions(for key: String, in table: @autoclosure () -> Table) -> [Int32] {
        guard !key.isEmpty else { return [] }
        let table = table()
        let k = Array(key.unicodeScalars)
        var best: [Int32: Int] = [:]
        for (candidate, value) in table.byKey {
            let c = Array(candidate.unicodeScalars)
            var score: Int
            if k.count >= 3 && (candidate.hasPrefix(key) || key.hasPrefix(candidate)) {
                score = 0
            } else if k.count >= 4 && candidate.contains(key) {
                score = 1
            } else {
                if abs(c.count - k.count) > max(2, k.count / 2) { continue }
                let d = Suggest.editDistance(k, c)
                guard d <= max(2, min(k.count, c.count) / 3) else { continue }
                score = 1 + d
            }
            for e in table.entities(value) where best[e].map({ score < $0 }) ?? true { best[e] = score }
        }
        return best.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(5).map(\.key)
    }
}
