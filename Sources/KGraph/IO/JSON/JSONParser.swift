import Foundation

/// A parsed JSON value. Objects keep their keys in file order and remember where they start.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)], offset: Int)

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x, _), .object(y, _)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value of `key` in an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let members, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    var string: String? { if case .string(let s) = self { return s }; return nil }
    var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    var members: [(key: String, value: JSONValue)]? { if case .object(let m, _) = self { return m }; return nil }

    /// As an attribute value: null becomes nil (and is dropped from lists and maps).
    var attributeValue: AttributeValue? {
        switch self {
        case .null: return nil
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let a): return .list(a.compactMap(\.attributeValue))
        case .object(let m, _):
            var out: [String: AttributeValue] = [:]
            for (k, v) in m { if let av = v.attributeValue { out[k] = av } }
            return .map(out)
        }
    }
}

/// Why JSON text was refused, with the byte offset where.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// A strict RFC 8259 JSON parser over bytes, for untrusted files: nesting is bounded, numbers
/// keep the integer/real distinction, errors carry the byte offset (turned into line:column by
/// `JSONParser.location`).
struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private let maxDepth: Int
    private var depth = 0

    init(_ data: Data, maxDepth: Int = Limits.documentNesting) {
        bytes = [UInt8](data)
        self.maxDepth = maxDepth
    }

    init(_ text: String, maxDepth: Int = Limits.documentNesting) {
        bytes = Array(text.utf8)
        self.maxDepth = maxDepth
    }

    /// Parses one JSON document (a leading UTF-8 byte-order mark is skipped).
    static func parse(_ data: Data, maxDepth: Int = Limits.documentNesting) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(data, maxDepth: maxDepth)
        return try p.document()
    }

    /// Parses JSON text; nil when it is not JSON.
    static func parse(_ text: String) -> JSONValue? {
        var p = JSONParser(text)
        return try? p.document()
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset in `data`.
    static func location(of offset: Int, in data: Data, file: String) -> FileLocation {
        var line = 1, column = 1
        for b in data.prefix(offset) {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return FileLocation(file: file, line: line, column: column)
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONSyntaxError(offset: firstInvalidUTF8(), message: "invalid UTF-8; JSON files must be UTF-8")
        }
        skipSpace()
        let v = try value()
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the JSON value") }
        return v
    }

    private func firstInvalidUTF8() -> Int {
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            let need = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1
            if need < 0 || k + need >= bytes.count && need > 0 { return k }
            if need > 0 && String(validating: bytes[k...(k + need)], as: UTF8.self) == nil { return k }
            k += need + 1
        }
        return k
    }

    private func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, message: message) }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw fail("unexpected end of the JSON text") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        // Python's json module writes these for float('nan') and infinities; kept as text.
        case UInt8(ascii: "N"): try literal("NaN"); return .string("NaN")
        case UInt8(ascii: "I"): try literal("Infinity"); return .string("Infinity")
        case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "I"):
            i += 1; try literal("Infinity"); return .string("-Infinity")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expected a JSON value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for u in word.utf8 {
            guard i < bytes.count, bytes[i] == u else { throw fail("expected '\(word)'") }
            i += 1
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth { throw fail("JSON nested deeper than \(maxDepth) levels") }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        try enter()
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object([], offset: start) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key in an object") }
            let k = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            i += 1
            skipSpace()
            members.append((k, try value()))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of the JSON text inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}' in an object")
        }
        depth -= 1
        return .object(members, offset: start)
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array([]) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of the JSON text inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("expected ',' or ']' in an array")
        }
        depth -= 1
        return .array(items)
    }

    static func tooLong(at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: "a string over the limit of \(Limits.valueBytes) bytes (16 MiB) for one value")
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in a string (escape it)") }
            i += 1
            if i - start > Limits.valueBytes { throw Self.tooLong(at: start) }
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            // Refused while it is read: the string is not built first.
            if out.count > Limits.valueBytes { throw Self.tooLong(at: start) }
            if b < 0x20 { throw fail("control character in a string (escape it)") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var v = try hex4()
                if (0xD800...0xDBFF).contains(v) {
                    // A surrogate pair.
                    if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let lo = try hex4()
                        guard (0xDC00...0xDFFF).contains(lo) else { throw fail("invalid surrogate pair in \\u escape") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        throw fail("lone surrogate in \\u escape")
                    }
                } else if (0xDC00...0xDFFF).contains(v) {
                    throw fail("lone surrogate in \\u escape")
                }
                XMLTokenizer.appendUTF8(v, to: &out)
            default:
                i -= 1
                throw fail("invalid escape '\\\(String(UnicodeScalar(e)))' in a string")
            }
        }
        throw fail("unexpected end of the JSON text inside a string")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
            default: throw fail("expected four hex digits after \\u")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        var isReal = false
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("expected a digit") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isReal = true
            i += 1
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail("expected a digit after '.'") }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isReal = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (48...57).contains(bytes[i]) else { throw fail("expected a digit in the exponent") }
            while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if !isReal {
            // As a double it would lose digits (NetworkX writes Python's unbounded ints as they are).
            guard let v = Int(text) else {
                throw JSONSyntaxError(offset: start, message: "integer out of range (more than 64 bits); write it as a string to keep every digit")
            }
            return .int(v)
        }
        guard let d = Double(text), d.isFinite else { throw JSONSyntaxError(offset: start, message: "number out of range") }
        return .double(d)
    }
}
