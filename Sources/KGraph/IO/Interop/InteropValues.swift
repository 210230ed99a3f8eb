/// Decoding the structured values exports carry as JSON text.
enum InteropValues {
    /// The value plain text stands for in a `mixed` column: a boolean, an integer, a real number
    /// (with `.` or an exponent), else the text itself.
    static func inferred(_ s: String) -> AttributeValue {
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if let i = Int(s) { return .int(i) }
        if s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(s), d.isFinite,
           s.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return .double(d)
        }
        return .string(s)
    }

    /// `s` without leading and trailing ASCII whitespace (cheap when there is none).
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        func ws(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        guard let f = u.first, let l = u.last, ws(f) || ws(l) else { return s }
        var a = u.startIndex, b = u.endIndex
        while a < b, ws(u[a]) { a = u.index(after: a) }
        while b > a, ws(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(s[a..<b])
    }

    /// A date or interval as `TimeSpan.parse` reads it, without Foundation for the usual shapes
    /// (`2024`, `2024-01`, `2024-01-28`, `A..B`); nil when it is not one.
    static func timeSpan(_ text: String) -> TimeSpan? {
        var text = text
        if let fast = text.withUTF8({ timeSpan(utf8: $0) }) { return fast }
        if case .success(let t) = TimeSpan.parse(text) { return t }
        return nil
    }

    /// The byte-level part of `timeSpan`: `.some(span or nil)` for the plain shapes, `.none` when
    /// `TimeSpan.parse` must decide (spaces, other spellings).
    static func timeSpan(utf8 b: UnsafeBufferPointer<UInt8>) -> TimeSpan?? {
        let n = b.count
        // `..` opens a plain span or follows a whole date (4, 7 or 10 bytes). Looked for only
        // there: a first `..` anywhere else falls inside the date before it, which then is not
        // plain either way.
        func dotsAt(_ i: Int) -> Bool { i + 1 < n && b[i] == UInt8(ascii: ".") && b[i + 1] == UInt8(ascii: ".") }
        let dots = dotsAt(0) ? 0 : dotsAt(4) ? 4 : dotsAt(7) ? 7 : dotsAt(10) ? 10 : -1
        if dots < 0 {
            guard let d = plainDate(b, from: 0, to: n) else { return .none }
            return .some(d.map { TimeSpan($0) })
        }
        var s: PartialDate?, e: PartialDate?
        if dots > 0 {
            guard let d = plainDate(b, from: 0, to: dots) else { return .none }
            guard let dd = d else { return .some(nil) }
            s = dd
        }
        if dots + 2 < n {
            guard let d = plainDate(b, from: dots + 2, to: n) else { return .none }
            guard let dd = d else { return .some(nil) }
            e = dd
        }
        return .some(TimeSpan(start: s, end: e))
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in `b[from..<to]`: `.some(nil)` for an impossible date
    /// (30 February), `.none` for any other text. Readers parse a date per edge: the year's four
    /// digits are checked in one word, and month and day are plain numbers, 0 when not given
    /// (`PartialDate(year:month0:day0:)`), not optionals (137 instructions a date before).
    private static func plainDate(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> PartialDate?? {
        let n = to - from
        guard n == 4 || n == 7 || n == 10, let base = b.baseAddress else { return .none }
        let p = base + from
        // Each lane the digit's value; a byte that is no digit leaves a lane of 10 or more (one
        // below "0" wraps around), whose high bit is set in the lane or in the lane plus 0x76.
        let y = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self).littleEndian &- 0x3030_3030
        guard (y | (y &+ 0x7676_7676)) & 0x8080_8080 == 0 else { return .none }
        let year = Int(y & 0xFF) * 1000 + Int(y >> 8 & 0xFF) * 100 + Int(y >> 16 & 0xFF) * 10 + Int(y >> 24)
        // The two digits at `k` as a number; nil unless both are digits.
        func twoDigits(_ k: Int) -> Int? {
            let hi = p[k] &- UInt8(ascii: "0"), lo = p[k + 1] &- UInt8(ascii: "0")
            return hi < 10 && lo < 10 ? Int(hi) * 10 + Int(lo) : nil
        }
        var month = 0, day = 0
        if n >= 7 {
            guard p[4] == UInt8(ascii: "-"), let m = twoDigits(5) else { return .none }
            // "00" is a month given and impossible, not one left out.
            if m == 0 { return .some(nil) }
            month = m
        }
        if n == 10 {
            guard p[7] == UInt8(ascii: "-"), let d = twoDigits(8) else { return .none }
            if d == 0 { return .some(nil) }
            day = d
        }
        return .some(PartialDate(year: year, month0: month, day0: day))
    }

    /// A field's value from an attribute value, as a field of that kind takes it; nil when it does
    /// not fit (the value then stays an attribute). Text fields take any value's text; an entity
    /// id must be non-empty text; lists and maps may be JSON text.
    static func fieldData(_ v: AttributeValue, _ kind: FieldValue) -> FieldData? {
        switch kind {
        case .list: return stringList(v).map(FieldData.list)
        case .map: return stringMap(v).map(FieldData.map)
        case .entityID, .documentID:
            guard case .string(let s) = v, !s.isEmpty else { return nil }
            return .text(s)
        case .attributes:
            guard case .map(let m) = v else { return nil }
            return .attributes(m)
        case .citations: return citations(v).map(FieldData.citations)
        case .id, .text, .prose, .date, .timeSpan, .url, .choice: return .text(v.text)
        }
    }

    /// A field's value as text: lists, maps, attributes and citations as compact JSON.
    static func text(_ d: FieldData) -> String {
        switch d {
        case .text(let s): return s
        case .list(let l): return stringsJSON(l)
        case .map(let m): return mapJSON(m)
        case .attributes(let a): return AttributeValue.map(a).jsonText
        case .citations(let c): return citationsJSON(c)
        }
    }

    /// A field's value as a JSON value: text quoted, the rest as `text` gives it.
    static func json(_ d: FieldData) -> String {
        if case .text(let s) = d { return JSONText.quote(s) }
        return text(d)
    }

    /// A list of strings: a list value, or JSON text of one; any other text is one item.
    static func stringList(_ v: AttributeValue) -> [String]? {
        switch v {
        case .list(let items): return items.map(\.text)
        case .string(let s):
            if s.hasPrefix("["), let j = JSONParser.parse(s), let a = j.array {
                let strings = a.compactMap(\.string)
                return strings.count == a.count ? strings : nil
            }
            return s.isEmpty ? [] : [s]
        default: return nil
        }
    }

    /// A map of strings: a map value, or JSON text of one.
    static func stringMap(_ v: AttributeValue) -> [String: String]? {
        var value = v
        if case .string(let s) = v {
            guard let j = JSONParser.parse(s), let av = j.attributeValue else { return nil }
            value = av
        }
        guard case .map(let m) = value else { return nil }
        var out: [String: String] = [:]
        for (k, x) in m {
            guard case .string(let s) = x else { return nil }
            out[k] = s
        }
        return out
    }

    /// Citations: a list of maps with a string for every required field of `Citation.fields` (and
    /// any of its other fields, nothing else), or JSON text of one.
    static func citations(_ v: AttributeValue) -> [Citation]? {
        var value = v
        if case .string(var s) = v {
            if let fast = s.withUTF8({ citations(json: $0) }) { return fast }
            guard let j = JSONParser.parse(s), let av = j.attributeValue else { return nil }
            value = av
        }
        guard case .list(let items) = value else { return nil }
        var out: [Citation] = []
        for item in items {
            guard case .map(let m) = item else { return nil }
            var c = Citation.empty
            var found = 0
            for field in Citation.fields {
                guard let x = m[field.key] else {
                    if field.required { return nil }
                    continue
                }
                guard case .string(let s) = x, field.set(&c, text: s) else { return nil }
                found += 1
            }
            guard found == m.count else { return nil }
            out.append(c)
        }
        return out
    }

    /// For `citations(json:)`, in `Citation.fields` order: the UTF-8 bytes of each field's key, its
    /// setter of text, and one bit per required field; and where the two fields every citation has,
    /// which `Citation(document:quote:)` takes, stand in the table.
    private static let citationFields = (
        keys: Citation.fields.map { Array($0.key.utf8) },
        set: Citation.fields.map { f in f.textSet ?? { f.set(&$0, .text($1)) } },
        required: Citation.fields.indices.reduce(UInt64(0)) { Citation.fields[$1].required ? $0 | 1 << $1 : $0 },
        document: Citation.fields.firstIndex { $0.key == "document" }!,
        quote: Citation.fields.firstIndex { $0.key == "quote" }!)

    /// Citations that are each only a document and a quote, in plain ASCII text without escapes
    /// (what exports and most tools write), packed straight from the JSON bytes: no String and no
    /// list is made. Nil for anything else, which `citations(json:)` then reads.
    static func plainCitations(json b: UnsafeBufferPointer<UInt8>) -> CitationList? {
        guard let base = b.baseAddress else { return nil }
        var r = PlainJSON(p: base, n: b.count)
        guard r.byte(UInt8(ascii: "[")) else { return nil }
        // Room for eight citations' two ranges on the stack; a longer list takes the other path.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 16) { ranges -> CitationList? in
            var n = 0
            if !r.byte(UInt8(ascii: "]")) {
                repeat {
                    guard n < ranges.count, r.byte(UInt8(ascii: "{")) else { return nil }
                    var document: Range<Int>?, quote: Range<Int>?
                    repeat {
                        // The keys compared where they stand, not read as strings first: any other
                        // key, escaped or not, is no plain citation.
                        let isDocument = document == nil && r.key("document")
                        guard isDocument || quote == nil && r.key("quote"),
                              r.byte(UInt8(ascii: ":")), let value = r.string(), value.plain else { return nil }
                        if isDocument { document = value.bytes } else { quote = value.bytes }
                    } while r.byte(UInt8(ascii: ","))
                    guard r.byte(UInt8(ascii: "}")), let d = document, let q = quote else { return nil }
                    ranges[n] = d
                    ranges[n + 1] = q
                    n += 2
                } while r.byte(UInt8(ascii: ","))
                guard r.byte(UInt8(ascii: "]")) else { return nil }
            }
            r.space()
            guard r.atEnd else { return nil }
            return CitationList(text: base, ranges: UnsafeBufferPointer(rebasing: ranges[..<n]))
        }
    }

    /// Citations from JSON text of the shape exports write (`[{"document":..,"quote":..}]`, the
    /// keys of `Citation.fields` in any order, unescaped), without building a JSON tree; nil for
    /// anything else (the general path then decides).
    static func citations(json b: UnsafeBufferPointer<UInt8>) -> [Citation]? {
        guard let base = b.baseAddress else { return nil }
        var r = PlainJSON(p: base, n: b.count)
        guard r.byte(UInt8(ascii: "[")) else { return nil }
        var out: [Citation] = []
        if r.byte(UInt8(ascii: "]")) { r.space(); return r.atEnd ? out : nil }
        // Each field's setter and whether it is required, once per call, not per citation: reading
        // them from the `Field` values retained every member of each.
        let fields = citationFields
        // Where the last citation's quote was, to share its String with a citation that repeats it
        // (reports quoting the same sentence; every second citation in the benchmark: 25 MB at
        // 1,000,000 relations).
        var lastQuote = PlainJSON.Token(bytes: 0..<0, escaped: false)
        var more = true
        while more {
            guard r.byte(UInt8(ascii: "{")) else { return nil }
            // The document and the quote go straight into the initializer; any other field (rare)
            // waits for its setter until the citation exists. Through the setters, the two strings
            // each citation has cost 46 M instructions of a 1,852 M load at 100,000 relations.
            var document = "", quote = ""
            var rest: [(field: Int, value: PlainJSON.Token)] = []
            // One bit per field seen: each at most once, every required one at least.
            var seen: UInt64 = 0
            repeat {
                guard let key = r.string(), r.byte(UInt8(ascii: ":")), let value = r.string() else { return nil }
                var k = 0
                while k < fields.keys.count && !r.spells(key, fields.keys[k]) { k += 1 }
                guard k < fields.keys.count, seen & (1 << k) == 0 else { return nil }
                seen |= 1 << k
                switch k {
                case fields.document:
                    guard let text = r.text(value) else { return nil }
                    document = text
                case fields.quote:
                    if !out.isEmpty && r.same(value, lastQuote) {
                        quote = out[out.count - 1].quote
                    } else {
                        guard let text = r.text(value) else { return nil }
                        quote = text
                    }
                    lastQuote = value
                default: rest.append((k, value))
                }
            } while r.byte(UInt8(ascii: ","))
            guard r.byte(UInt8(ascii: "}")), seen & fields.required == fields.required else { return nil }
            // Moved, not copied, into the citation and the list: each copy retained both strings
            // and released them again.
            var c = Citation(document: consume document, quote: consume quote)
            for (k, value) in rest {
                guard let text = r.text(value), fields.set[k](&c, text) else { return nil }
            }
            more = r.byte(UInt8(ascii: ","))
            // Sized once it is known whether a second follows: three relations in four cite one
            // document, and room for two took 48 bytes more of each (36 MB at 1,000,000 relations);
            // growing the others from one cost 10 M instructions at 100,000, from empty more still.
            // Alone, it is made into the list at once: reserving room in the empty list took about
            // 320 instructions of a relation.
            if out.isEmpty && !more { out = [consume c]; break }
            if out.isEmpty { out.reserveCapacity(2) }
            out.append(consume c)
        }
        guard r.byte(UInt8(ascii: "]")) else { return nil }
        r.space()
        return r.atEnd ? out : nil
    }

    /// A JSON list of strings (`["a", "b"]`, as exports write aliases and ids) read without a
    /// JSON tree; nil for anything else (the general path then decides, and reports).
    static func strings(json b: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let base = b.baseAddress else { return nil }
        var r = PlainJSON(p: base, n: b.count)
        guard r.byte(UInt8(ascii: "[")) else { return nil }
        var out: [String] = []
        if !r.byte(UInt8(ascii: "]")) {
            repeat {
                guard let token = r.string(), let text = r.text(token) else { return nil }
                out.append(text)
            } while r.byte(UInt8(ascii: ","))
            guard r.byte(UInt8(ascii: "]")) else { return nil }
        }
        r.space()
        return r.atEnd ? out : nil
    }

    /// Citations as compact JSON: `[{"document":"...","quote":"..."}]`, the fields of
    /// `Citation.fields` in order, absent ones left out.
    static func citationsJSON(_ c: [Citation]) -> String {
        "[" + c.map { object($0, Citation.fields) }.joined(separator: ",") + "]"
    }

    /// A record as a compact JSON object of its fields' text, in table order, absent ones left out.
    static func object<R>(_ r: R, _ table: [Field<R>]) -> String {
        var out = "{"
        var first = true
        for field in table {
            guard let v = field.text(r) else { continue }
            out += (first ? "" : ",") + JSONText.quote(field.key) + ":" + JSONText.quote(v)
            first = false
        }
        return out + "}"
    }

    /// A record from a JSON object holding a string for every required field of `table`; nil
    /// otherwise. Other members, and optional fields whose values do not fit, are passed over.
    static func record<R>(_ o: JSONValue, start: R, _ table: [Field<R>]) -> R? {
        var r = start
        for field in table {
            if let s = o[field.key]?.string, field.set(&r, text: s) { continue }
            if field.required { return nil }
        }
        return r
    }

    /// Strings as a compact JSON list.
    static func stringsJSON(_ s: [String]) -> String { "[" + s.map(JSONText.quote).joined(separator: ",") + "]" }

    /// A string map as compact JSON with sorted keys.
    static func mapJSON(_ m: [String: String]) -> String {
        "{" + m.keys.sorted().map { JSONText.quote($0) + ":" + JSONText.quote(m[$0]!) }.joined(separator: ",") + "}"
    }
}
