/// How much of a date is known: a year, a month or a day.
public enum DatePrecision: String, Sendable, Codable, Comparable, CaseIterable {
    case year, month, day

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { self == .year ? 0 : self == .month ? 1 : 2 }
}

/// A reduced-precision ISO 8601 calendar date (`2024`, `2024-01`, `2024-01-28`), as Wikidata,
/// Popolo and ACLED record event dates.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Four bytes, not forty: a big graph holds millions of dates. Month and day 0 mean "not given".
    private let year16: Int16
    private let month8: UInt8
    private let day8: UInt8

    public var year: Int { Int(year16) }
    public var month: Int? { month8 == 0 ? nil : Int(month8) }
    public var day: Int? { day8 == 0 ? nil : Int(day8) }

    /// Builds a date, or returns nil when it is impossible (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year16 = Int16(year)
        self.month8 = UInt8(month ?? 0)
        self.day8 = UInt8(day ?? 0)
    }

    /// `init(year:month:day:)` with 0 for a month or a day not given: readers make a date per
    /// edge, and the optionals cost more than the checks.
    init?(year: Int, month0 month: Int, day0 day: Int) {
        guard year >= 1 && year <= 9999, month >= 0 && month <= 12, day >= 0,
              day == 0 || month != 0 && day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        self.year16 = Int16(year)
        self.month8 = UInt8(month)
        self.day8 = UInt8(day)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not of that form or the date is impossible.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: y, month: m, day: d)
    }

    public var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    /// The date in 23 bits, never 0: year, month (0 for none) << 14, day (0 for none) << 18.
    var packed: UInt32 { UInt32(year16) | UInt32(month8) << 14 | UInt32(day8) << 18 }

    /// The date `packed` holds; nil for 0.
    init?(packed: UInt32) {
        guard packed != 0 else { return nil }
        year16 = Int16(packed & 0x3FFF)
        month8 = UInt8(packed >> 14 & 0xF)
        day8 = UInt8(packed >> 18 & 0x1F)
    }

    /// The first day this date may stand for, as `yyyymmdd`.
    public var earliestDay: Int { year * 10000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day this date may stand for, as `yyyymmdd`.
    public var latestDay: Int {
        let m = month ?? 12
        return year * 10000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    public var description: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// Orders by earliest day, then coarser precision first.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.earliestDay != rhs.earliestDay { return lhs.earliestDay < rhs.earliestDay }
        return lhs.latestDay < rhs.latestDay
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// When a relation held: one date, or an interval whose ends may be open.
public struct TimeSpan: Hashable, Sendable, CustomStringConvertible {
    public let start: PartialDate?
    public let end: PartialDate?

    /// A single date.
    public init(_ date: PartialDate) { start = date; end = date }

    /// The span with these ends, which an earlier check found valid.
    init(unchecked start: PartialDate?, _ end: PartialDate?) {
        self.start = start
        self.end = end
    }

    /// An interval; nil when both ends are open or it ends before it starts.
    public init?(start: PartialDate?, end: PartialDate?) {
        if start == nil && end == nil { return nil }
        if let start, let end, end.latestDay < start.earliestDay { return nil }
        self.start = start
        self.end = end
    }

    /// True for a single date, false for an interval.
    public var isInstant: Bool { start != nil && start == end }

    /// The single date, when this is one.
    public var date: PartialDate? { isInstant ? start : nil }

    /// The earliest day this span may touch (`yyyymmdd`), or nil when open at the start.
    public var earliestDay: Int? { start?.earliestDay }
    /// The latest day this span may touch (`yyyymmdd`), or nil when open at the end.
    public var latestDay: Int? { end?.latestDay }

    /// Whether the span may overlap the window `[from, to]` (either end nil means open).
    public func overlaps(from: PartialDate?, to: PartialDate?) -> Bool {
        if let from, let latest = latestDay, latest < from.earliestDay { return false }
        if let to, let earliest = earliestDay, earliest > to.latestDay { return false }
        return true
    }

    /// `2024-01-28`, or `2019-12..2024-02`, with an open end left blank (`2023-10..`).
    public var description: String {
        if isInstant, let start { return start.description }
        return (start?.description ?? "") + ".." + (end?.description ?? "")
    }

    /// The coarsest precision of its ends.
    public var precision: DatePrecision {
        [start?.precision, end?.precision].compactMap { $0 }.min() ?? .year
    }

    /// A sort key: by start (open start first), then end.
    public var sortKey: (Int, Int) { (earliestDay ?? 0, latestDay ?? 99_999_999) }

    /// Parses `DATE` or `DATE..DATE` (either side may be empty); explains what is wrong otherwise.
    public static func parse(_ text: String) -> Result<TimeSpan, TimeSpanError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let range = t.range(of: "..") {
            let a = String(t[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let b = String(t[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            var s: PartialDate?, e: PartialDate?
            if !a.isEmpty { guard let d = PartialDate(a) else { return .failure(.badDate(a)) }; s = d }
            if !b.isEmpty { guard let d = PartialDate(b) else { return .failure(.badDate(b)) }; e = d }
            guard let span = TimeSpan(start: s, end: e) else {
                return .failure(s == nil && e == nil ? .badDate(t) : .endsBeforeStart(t))
            }
            return .success(span)
        }
        guard let d = PartialDate(t) else { return .failure(.badDate(t)) }
        return .success(TimeSpan(d))
    }
}

/// Why a date text was refused.
public enum TimeSpanError: Error, Equatable, CustomStringConvertible {
    case badDate(String)
    case endsBeforeStart(String)

    public var description: String {
        switch self {
        case .badDate(let s):
            return "'\(s)' is not a possible date (expected YYYY, YYYY-MM or YYYY-MM-DD, or START..END)"
        case .endsBeforeStart(let s):
            return "interval '\(s)' ends before it starts"
        }
    }
}

import Foundation
