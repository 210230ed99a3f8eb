/// The relation types a graph's relations name, numbered by spelling (`Spellings`), each with its
/// domain and range as flags by kind number, for checking many relations: one table of plain
/// values, so that checking a relation retains nothing (a class per type was retained and
/// released once per relation).
struct TypeRules {
    /// Per spelling: the type, nil when the vocabulary lacks it.
    private(set) var types: [RelationType?] = []
    /// Per spelling: whether the vocabulary has the type.
    private var known: [Bool] = []
    /// Per spelling and kind number, at `spelling * kinds + kind`: 1 when the kind may be the
    /// source, 2 when it may be the target.
    private var flags: [UInt8] = []
    private let kinds: Int
    private let kindNumber: [String: Int32]

    init(kindNumber: [String: Int32]) {
        self.kindNumber = kindNumber
        kinds = Int(kindNumber.values.max() ?? -1) + 1
    }

    /// The number of spellings so far.
    var count: Int { known.count }

    /// Adds the next spelling's type: `type`, or nil for one the vocabulary lacks.
    mutating func append(_ type: RelationType?) {
        types.append(type)
        known.append(type != nil)
        func allowed(_ kinds: [String]?) -> [Bool] {
            // No list (or an unknown type): any kind.
            guard let kinds, !kinds.isEmpty else { return [Bool](repeating: true, count: self.kinds) }
            var f = [Bool](repeating: false, count: self.kinds)
            for k in kinds { if let n = kindNumber[k] { f[Int(n)] = true } }
            return f
        }
        let source = allowed(type?.domain), target = allowed(type?.range)
        for k in 0..<kinds { flags.append((source[k] ? 1 : 0) | (target[k] ? 2 : 0)) }
    }

    func isKnown(_ spelling: Int) -> Bool { known[spelling] }

    /// A kind the vocabulary lacks (-1) is reported on its own, never as a domain or range problem.
    func admitsSource(_ spelling: Int, _ kind: Int32) -> Bool { kind < 0 || flags[spelling * kinds + Int(kind)] & 1 != 0 }
    func admitsTarget(_ spelling: Int, _ kind: Int32) -> Bool { kind < 0 || flags[spelling * kinds + Int(kind)] & 2 != 0 }
}
