/// Checks beyond form (`kgraph check`): facts the sources cannot support as dated, and sources that
/// disagree. Each finding is a warning; both claims of a contradiction stay in the graph and the
/// finding names them (`Diagnostic.relations`).
///
/// - An event dated after every source that cites it was published (and words said after the
///   document quoting them appeared).
/// - One source asserts what another denies: relations of the same subject, type and object,
///   one `denied`, the other not, at times that may be the same.
/// - Different figures for the same attribute of the same event: relations of the same subject,
///   type and object at overlapping times (or dated apart as below) whose attribute of that name
///   holds different figures (numbers, or text with a digit).
/// - The same event dated differently: relations of the same subject, type and object, each
///   dated to a day, a week apart or less, no document citing both: one event as two sources date
///   it. (Two real events days apart, each told by other reports, read the same: the warning asks.)
public enum EvidenceConsistency {
    /// The most days apart two datings of one event can be and still count as the same event.
    public static let sameEventDays = 7

    /// Every finding for `g`.
    /// - Complexity: O(R·C) for the dates, plus O(k²) within each group of k relations sharing
    ///   a subject, type and object.
    public static func check(_ g: Graph) -> [Diagnostic] {
        var out = publishedBefore(g)
        var groups: [[Int32]] = [], groupOf: [Triple: Int] = [:]
        for (i, r) in g.relations.enumerated() {
            let key = Triple(source: r.source, type: r.type, target: r.target)
            if let k = groupOf[key] { groups[k].append(Int32(i)) } else {
                groupOf[key] = groups.count
                groups.append([Int32(i)])
            }
        }
        for group in groups where group.count > 1 {
            for (n, a) in group.enumerated() {
                for b in group[(n + 1)...] { out += disagreements(g.relation(at: a), g.relation(at: b), in: g) }
            }
        }
        return out
    }

    private struct Triple: Hashable { let source: String, type: String, target: String }

    /// Events dated after the last publication of the documents citing them, and words said after
    /// the document quoting them was published.
    static func publishedBefore(_ g: Graph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in g.relations {
            let published = r.sources.compactMap { g.document(id: $0.document)?.published }
            if let start = r.time?.start, published.count == r.sources.count,
               let last = published.max(by: { $0.latestDay < $1.latestDay }), start.earliestDay > last.latestDay {
                out.append(Diagnostic(.warning, "'\(r.id)' is dated \(r.time!) but every source citing it was published "
                                      + "by \(last): a report cannot tell what had not happened", at: r.location, relations: [r.id]))
            }
            for c in r.sources {
                guard let said = c.said, let p = g.document(id: c.document)?.published, said.earliestDay > p.latestDay else { continue }
                out.append(Diagnostic(.warning, "words said on \(said) are quoted from '\(c.document)', published \(p)",
                                      at: c.location ?? r.location, relations: [r.id]))
            }
        }
        return out
    }

    /// What two relations of the same subject, type and object disagree on.
    static func disagreements(_ a: Relation, _ b: Relation, in g: Graph) -> [Diagnostic] {
        let what = "'\(g.entity(id: a.source)?.name ?? a.source) \(a.type) \(g.entity(id: a.target)?.name ?? a.target)'"
        let mayCoincide = a.time == nil || b.time == nil || overlap(a.time!, b.time!)
        var out: [Diagnostic] = []
        if mayCoincide, (a.assertion == .denied) != (b.assertion == .denied), a.assertion != nil, b.assertion != nil {
            let (denial, claim) = a.assertion == .denied ? (a, b) : (b, a)
            out.append(Diagnostic(.warning, "contradiction: \(what) is \(claim.assertion!.rawValue) in '\(claim.id)' "
                                  + "(\(cited(claim))) and denied in '\(denial.id)' (\(cited(denial))); both kept",
                                  at: denial.location, relations: [claim.id, denial.id]))
        }
        // One event: at overlapping times, or dated a few days apart by different sources.
        var datedApart: (PartialDate, PartialDate)?
        if let da = a.time?.date, let db = b.time?.date, da.precision == .day, db.precision == .day, da != db,
           abs(dayNumber(da) - dayNumber(db)) <= sameEventDays,
           Set(a.sources.map(\.document)).isDisjoint(with: b.sources.map(\.document)) {
            datedApart = (da, db)
            out.append(Diagnostic(.warning, "\(what) is dated \(da) in '\(a.id)' (\(cited(a))) and \(db) in '\(b.id)' "
                                  + "(\(cited(b))): maybe one event dated differently; both kept",
                                  at: b.location, relations: [a.id, b.id]))
        }
        if let ta = a.time, let tb = b.time, overlap(ta, tb) || datedApart != nil {
            for key in Set(a.attributes.keys).intersection(b.attributes.keys).sorted() {
                let x = a.attributes[key]!, y = b.attributes[key]!
                guard x != y, isFigure(x), isFigure(y) else { continue }
                out.append(Diagnostic(.warning, "different figures for \(key) of \(what): \(x.text) in '\(a.id)' (\(cited(a))) "
                                      + "and \(y.text) in '\(b.id)' (\(cited(b))); both kept",
                                      at: b.location, relations: [a.id, b.id]))
            }
        }
        return out
    }

    static func cited(_ r: Relation) -> String {
        var seen = Set<String>()
        return r.sources.map(\.document).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    static func overlap(_ a: TimeSpan, _ b: TimeSpan) -> Bool {
        (a.earliestDay ?? Int.min) <= (b.latestDay ?? Int.max) && (b.earliestDay ?? Int.min) <= (a.latestDay ?? Int.max)
    }

    /// A figure: a number, or text that holds one (`more than 85`, `at least five` is not).
    static func isFigure(_ v: AttributeValue) -> Bool {
        switch v {
        case .int, .double: return true
        case .string(let s): return s.contains { $0.isNumber }
        default: return false
        }
    }

    /// Days since 1 March of year 0, so two days' difference is a subtraction.
    static func dayNumber(_ d: PartialDate) -> Int {
        let m = d.month ?? 1, day = d.day ?? 1
        let y = m <= 2 ? d.year - 1 : d.year
        let era = y / 400, yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }
}
