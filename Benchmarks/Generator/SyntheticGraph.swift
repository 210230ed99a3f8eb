import KGraph

/// SplitMix64: a small generator whose sequence for a seed is the same on every platform and
/// Swift version (the standard library's `random(in:using:)` algorithms may change).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A number in `[0, 1)`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// An index in `0..<n` that favours small values: entity lists are ordered so that early
    /// entities become hubs, as the big states and armed forces are in real conflict data.
    mutating func skewed(_ n: Int) -> Int {
        let u = unit()
        return min(n - 1, Int(Double(n) * u * u * u))
    }

    /// An index into `weights`, chosen in proportion to them.
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var x = below(total)
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }
}

/// A synthetic, conflict-like graph: entities of the vocabulary's kinds with names and aliases,
/// relations of its types (domain and range respected) with dates, confidence, an assertion and
/// one or two cited documents each. The same seed and sizes give the same graph, byte for byte,
/// in every format it is written to.
public struct SyntheticGraph: Sendable {
    public struct Entity: Sendable {
        public var id: String
        public var name: String
        public var kind: String
        public var aliases: [String]
        /// Index of the state entity it belongs to, or -1.
        public var country: Int32
    }

    public struct Citation: Sendable {
        public var document: Int32
        public var quote: String
    }

    public struct Relation: Sendable {
        public var source: Int32
        public var target: Int32
        /// Index into `types`.
        public var type: Int32
        /// `2024-01-28`, `2024-01`, `2019..2023-06`, `2020..`, or nil when undated.
        public var date: String?
        public var confidence: Confidence
        public var assertion: Assertion
        public var citations: [Citation]

        /// The relation's id: `r` and its 1-based position.
        public static func id(_ index: Int) -> String { "r" + String(index + 1) }
    }

    public struct Document: Sendable {
        public var id: String
        public var title: String
        public var outlet: String
        public var published: String
    }

    /// Entities the benchmark queries start from, chosen by the generator so that every tool
    /// asks the same questions: the largest hub (full BFS), two low-degree entities far apart
    /// (shortest paths), a mid-degree entity (depth-2 neighbourhood).
    public struct Queries: Sendable {
        public var bfsRoot: Int32
        public var pathFrom: Int32
        public var pathTo: Int32
        public var center: Int32
        /// Entities whose induced subgraph the betweenness benchmark uses, in index order.
        public var sample: [Int32]
    }

    public var seed: UInt64
    public var vocabulary: Vocabulary
    public var documents: [Document] = []
    public var entities: [Entity] = []
    public var relations: [Relation] = []
    /// Relation types, by the index `Relation.type` holds.
    public var types: [RelationType] = []
    public var queries = Queries(bfsRoot: 0, pathFrom: 0, pathTo: 0, center: 0, sample: [])

    public var title: String { "Synthetic conflict graph (\(entities.count) entities, \(relations.count) relations, seed \(seed))" }

    /// How common each kind is, per 1000 entities; kinds the table lacks get 10.
    static let kindWeights: [String: Int] = [
        "state": 8, "government-body": 30, "armed-force": 50, "militia": 150, "umbrella-group": 20,
        "armed-group": 100, "person": 300, "site": 150, "place": 150, "organization": 30, "agreement": 12,
    ]

    /// How common each relation type is; types the table lacks get 2.
    static let typeWeights: [String: Int] = [
        "attacked": 25, "struck": 10, "backs": 8, "member-of": 8, "allied-with": 4, "fought": 8,
        "located-in": 10, "operates": 5, "uses": 3, "leads": 3, "spoke-for": 3, "killed": 3, "ordered": 2,
        "warned": 2, "party-to": 1, "withdrew-from": 1, "negotiated-with": 2, "deployed-to": 3,
        "controlled": 2, "suspended-attacks-on": 1, "hosts": 2, "part-of": 3,
    ]

    /// Types that name an event on one day; the others hold over a span of time.
    static let eventTypes: Set<String> = [
        "attacked", "struck", "killed", "fought", "warned", "ordered", "negotiated-with", "withdrew-from",
        "suspended-attacks-on", "deployed-to",
    ]

    static let outlets = ["Reuters", "Associated Press", "Al-Monitor", "Middle East Eye", "The National",
                          "Agence France-Presse", "Rudaw", "Asharq Al-Awsat"]

    /// Generates a graph of `entityCount` entities and `relationCount` relations from `seed`.
    /// Every entity takes part in at least one relation when `relationCount >= entityCount - 1`,
    /// and the relations connect all entities (the first `entityCount - 1` relations form a
    /// spanning tree), so a breadth-first search from any entity reaches the whole graph.
    public init(entities entityCount: Int, relations relationCount: Int, seed: UInt64 = 1,
                vocabulary: Vocabulary = .standard) {
        precondition(entityCount >= 2 && relationCount >= 1)
        self.seed = seed
        self.vocabulary = vocabulary
        var rng = SeededRandom(seed: seed)

        // Kinds in proportion to their weights, states first so that they become hubs.
        let kinds = vocabulary.kinds.map(\.id)
        let weights = kinds.map { Self.kindWeights[$0] ?? 10 }
        var kindOf: [Int] = []
        kindOf.reserveCapacity(entityCount)
        for k in kinds.indices {
            let n = max(1, entityCount * weights[k] / weights.reduce(0, +))
            kindOf += repeatElement(k, count: n)
        }
        while kindOf.count < entityCount { kindOf.append(rng.weighted(weights)) }
        if kindOf.count > entityCount { kindOf.removeLast(kindOf.count - entityCount) }
        // Shuffle all but a head of hubs so that kinds interleave as in a real file.
        let head = min(entityCount, max(kinds.count, entityCount / 100))
        for i in stride(from: entityCount - 1, to: head, by: -1) {
            let j = head + rng.below(i - head + 1)
            kindOf.swapAt(i, j)
        }

        var names = NameMaker(count: entityCount, seed: seed)
        var byKind = [[Int32]](repeating: [], count: kinds.count)
        for i in 0..<entityCount {
            let kind = kinds[kindOf[i]]
            let (name, aliases) = names.make(index: i, kind: kind, rng: &rng)
            entities.append(Entity(id: slug(name), name: name, kind: kind, aliases: aliases, country: -1))
            byKind[kindOf[i]].append(Int32(i))
        }
        if let state = kinds.firstIndex(of: "state"), !byKind[state].isEmpty {
            let states = byKind[state]
            for i in entities.indices where ["militia", "site", "place", "government-body", "armed-force",
                                             "armed-group"].contains(entities[i].kind) {
                entities[i].country = states[rng.skewed(states.count)]
            }
        }

        // Documents: one per 100 relations, at least five.
        let documentCount = max(5, relationCount / 100)
        for d in 0..<documentCount {
            let year = 2011 + rng.below(14), month = 1 + rng.below(12), day = 1 + rng.below(28)
            let outlet = Self.outlets[rng.below(Self.outlets.count)]
            let place = entities[rng.skewed(entityCount)].name
            documents.append(Document(id: "doc-" + String(d + 1), title: "Report \(d + 1): fighting near \(place)",
                                      outlet: outlet, published: Self.date(year, month, day)))
        }

        // Relation types that can stand between some pair of kinds present here.
        let present = Set(kinds.indices.filter { !byKind[$0].isEmpty }.map { kinds[$0] })
        types = vocabulary.types.filter { t in
            (t.domain.isEmpty || t.domain.contains(where: present.contains))
                && (t.range.isEmpty || t.range.contains(where: present.contains))
        }
        precondition(!types.isEmpty, "no relation type fits the kinds present")
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        func allowed(_ list: [String]) -> [Int] {
            list.isEmpty ? kinds.indices.filter { !byKind[$0].isEmpty }
                : list.compactMap { kindIndex[$0] }.filter { !byKind[$0].isEmpty }
        }
        let domains = types.map { allowed($0.domain) }
        let ranges = types.map { allowed($0.range) }
        let typeWeights = types.map { Self.typeWeights[$0.id] ?? 2 }
        func pick(_ kindChoices: [Int], _ rng: inout SeededRandom) -> Int32 {
            let k = kindChoices[rng.weighted(kindChoices.map { byKind[$0].count })]
            return byKind[k][rng.skewed(byKind[k].count)]
        }

        relations.reserveCapacity(relationCount)
        // A spanning tree first: entity i meets one earlier entity through a type that admits both.
        var order = Array(0..<Int32(entityCount))
        for i in stride(from: entityCount - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        for step in 1..<entityCount where relations.count < relationCount {
            let me = order[step], myKind = kindOf[Int(me)]
            var done = false
            for _ in 0..<32 where !done {
                let t = rng.weighted(typeWeights)
                let asSource = rng.below(2) == 0
                guard (asSource ? domains[t] : ranges[t]).contains(myKind) else { continue }
                let otherKinds = Set(asSource ? ranges[t] : domains[t])
                for _ in 0..<16 {
                    let other = order[rng.skewed(step)]
                    guard other != me, otherKinds.contains(kindOf[Int(other)]) else { continue }
                    relations.append(makeRelation(asSource ? me : other, asSource ? other : me, Int32(t), &rng))
                    done = true
                    break
                }
            }
            if !done {
                // A type open at both ends always fits.
                let t = types.firstIndex { $0.domain.isEmpty && $0.range.isEmpty } ?? 0
                relations.append(makeRelation(me, order[rng.below(step)], Int32(t), &rng))
            }
        }
        while relations.count < relationCount {
            let t = rng.weighted(typeWeights)
            let s = pick(domains[t], &rng), o = pick(ranges[t], &rng)
            guard s != o else { continue }
            relations.append(makeRelation(s, o, Int32(t), &rng))
        }
        queries = chooseQueries(&rng)
    }

    private func makeRelation(_ s: Int32, _ o: Int32, _ t: Int32, _ rng: inout SeededRandom) -> Relation {
        let type = types[Int(t)]
        var date: String?
        let year = 2011 + rng.below(14), month = 1 + rng.below(12), day = 1 + rng.below(28)
        let precision = rng.below(10)  // 0-6 day, 7-8 month, 9 year
        func at(_ y: Int, _ m: Int, _ d: Int) -> String {
            precision < 7 ? Self.date(y, m, d) : precision < 9 ? Self.date(y, m, nil) : Self.date(y, nil, nil)
        }
        if Self.eventTypes.contains(type.id) {
            date = at(year, month, day)
        } else {
            switch rng.below(20) {
            case 0..<5: date = nil
            case 5..<8: date = at(year, month, day)
            case 8..<11: date = Self.date(year, nil, nil) + ".."
            default:
                let endYear = min(2025, year + 1 + rng.below(6))
                date = Self.date(year, month, nil) + ".." + Self.date(endYear, 1 + rng.below(12), nil)
            }
        }
        let c = rng.below(20)
        let confidence: Confidence = c < 10 ? .high : c < 17 ? .medium : .low
        let a = rng.below(100)
        let assertion: Assertion = a < 70 ? .reported : a < 80 ? .claimed : a < 90 ? .attributed : a < 97 ? .alleged : .denied
        var citations: [Citation] = []
        let quote = entities[Int(s)].name + " " + type.label + " " + entities[Int(o)].name
        for _ in 0..<(rng.below(4) < 3 ? 1 : 2) {
            citations.append(Citation(document: Int32(rng.skewed(documents.count)), quote: quote))
        }
        return Relation(source: s, target: o, type: t, date: date, confidence: confidence, assertion: assertion,
                        citations: citations)
    }

    private func chooseQueries(_ rng: inout SeededRandom) -> Queries {
        var degree = [Int](repeating: 0, count: entities.count)
        for r in relations { degree[Int(r.source)] += 1; degree[Int(r.target)] += 1 }
        let hub = degree.indices.max { degree[$0] < degree[$1] } ?? 0
        // Names that fold to the same key as another entity's name, alias or id are avoided as endpoints.
        var keyCount: [String: Int] = [:]
        for e in entities {
            for k in Set(([e.id, e.name] + e.aliases).map(Self.fold)) { keyCount[k, default: 0] += 1 }
        }
        func unique(_ i: Int) -> Bool { keyCount[Self.fold(entities[i].name)] == 1 }
        // The entity of `kind` with the lowest degree, scanning from `start`, never one of `avoid`.
        func lowDegree(kind: String, from start: Int, avoid: [Int]) -> Int {
            let n = entities.count
            var best = -1
            for step in 0..<n {
                let i = (start + step) % n
                guard !avoid.contains(i), unique(i), entities[i].kind == kind || best < 0 else { continue }
                if best < 0 || entities[best].kind != kind || degree[i] < degree[best] { best = i }
            }
            return max(0, best)
        }
        let from = lowDegree(kind: "person", from: entities.count * 3 / 4, avoid: [])
        let to = lowDegree(kind: "site", from: entities.count / 2, avoid: [from])
        let average = 2 * relations.count / max(1, entities.count)
        var center = (entities.count / 2 + 1) % entities.count
        for step in 0..<entities.count {
            let i = (entities.count / 3 + step) % entities.count
            if degree[i] >= average && degree[i] <= 2 * average && unique(i) && i != from && i != to { center = i; break }
        }
        // A tenth of the entities, at most 10,000, drawn uniformly.
        let sampleSize = min(10_000, max(2, entities.count / 10))
        var pool = Array(0..<Int32(entities.count))
        for i in 0..<sampleSize { pool.swapAt(i, i + rng.below(pool.count - i)) }
        return Queries(bfsRoot: Int32(hub), pathFrom: Int32(from), pathTo: Int32(to), center: Int32(center),
                       sample: pool[0..<sampleSize].sorted())
    }

    static func date(_ y: Int, _ m: Int?, _ d: Int?) -> String {
        var s = String(y)
        if let m { s += (m < 10 ? "-0" : "-") + String(m) }
        if let d { s += (d < 10 ? "-0" : "-") + String(d) }
        return s
    }

    /// ASCII folding as kgraph's name index does it for ASCII names: letters and digits, lowercased.
    static func fold(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9")
        }))
    }
}

/// `Kata'ib Bafeko` -> `kataib-bafeko`.
func slug(_ name: String) -> String {
    var out = ""
    var dash = false
    for u in name.lowercased().unicodeScalars {
        if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
            if dash && !out.isEmpty { out += "-" }
            dash = false
            out.unicodeScalars.append(u)
        } else if u != "'" {
            dash = true
        }
    }
    return out
}

/// Pronounceable, unique names: each entity's index, scrambled by a bijection, is spelled in
/// consonant-vowel syllables, so two entities never share a code; the kind decides the words around it.
struct NameMaker {
    static let consonants = Array("bdfghklmnprstvzq")
    static let vowels = Array("aeiou")
    let syllables: Int
    let modulus: Int
    let offset: Int

    init(count: Int, seed: UInt64) {
        var s = 3, m = 80 * 80 * 80
        while m < count { s += 1; m *= 80 }
        syllables = s
        modulus = m
        offset = Int(seed % UInt64(m))
    }

    /// `syllables` syllables spelling `code`, capitalised.
    func spell(_ code: Int, from: Int, count: Int) -> String {
        var c = code
        var out = ""
        for k in 0..<syllables {
            let syl = c % 80
            c /= 80
            guard k >= from && k < from + count else { continue }
            out.append(Self.consonants[syl / 5])
            out.append(Self.vowels[syl % 5])
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    mutating func make(index: Int, kind: String, rng: inout SeededRandom) -> (String, [String]) {
        // 48271 is odd and not a multiple of 5, so this is a bijection modulo 80^syllables.
        let code = (index * 48271 + offset) % modulus
        let x = spell(code, from: 0, count: syllables)
        let initial = String(x.prefix(1))
        switch kind {
        case "state":
            return (x + "ia", ["Republic of " + x + "ia"])
        case "government-body":
            return ("Ministry of Defence of " + x, [x + " MoD"])
        case "armed-force":
            return (x + " Revolutionary Guard", [x + " Guard", initial + "RG"])
        case "militia":
            return ("Kata'ib " + x, ["Kataib " + x, x + " Brigades", "K" + initial])
        case "umbrella-group":
            return ("Islamic Resistance of " + x, ["IR" + initial])
        case "armed-group":
            return (x + " Front", rng.below(2) == 0 ? [x + " Movement"] : [])
        case "person":
            let first = spell(code, from: 0, count: 2), last = spell(code, from: 2, count: syllables - 2)
            return (first + " al-" + last, [first + " " + last])
        case "site":
            switch index % 3 {
            case 0: return ("Camp " + x, ["US base"])
            case 1: return (x + " Air Base", [x + " Airfield"])
            default: return ("Outpost " + x, [])
            }
        case "place":
            return (x, [x + " City"])
        case "organization":
            return (x + " Foundation", [])
        case "agreement":
            return (x + " Accord", [x + " Agreement"])
        default:
            return (x + " " + kind, [])
        }
    }
}
