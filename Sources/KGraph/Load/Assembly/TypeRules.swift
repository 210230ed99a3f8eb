/// A relation type's domain and range as flags by kind number, for checking many relations.
final class TypeRules {
    let type: RelationType
    /// Per kind number: allowed at the source; nil when any kind is.
    let domain: [Bool]?
    let range: [Bool]?

    init(type: RelationType, kindNumber: [String: Int32]) {
        self.type = type
        func flags(_ kinds: [String]) -> [Bool]? {
            guard !kinds.isEmpty else { return nil }
            var f = [Bool](repeating: false, count: kindNumber.count)
            for k in kinds { if let n = kindNumber[k] { f[Int(n)] = true } }
            return f
        }
        domain = flags(type.domain)
        range = flags(type.range)
    }

    /// A kind the vocabulary lacks (-1) is reported on its own, never as a domain or range problem.
    func admitsSource(_ kind: Int32) -> Bool { kind < 0 || domain.map { $0[Int(kind)] } ?? true }
    func admitsTarget(_ kind: Int32) -> Bool { kind < 0 || range.map { $0[Int(kind)] } ?? true }
}
