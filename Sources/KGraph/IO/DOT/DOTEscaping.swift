import Foundation

/// Escaping for the places data goes in DOT text, each checked against Graphviz 2.42/2.43's SVG output
/// (Tests/KGraphRenderTests round-trip every hostile string through the real library).
///
/// Graphviz treats text differently by attribute:
/// - Quoted strings: only `"` and `\` matter to the parser, but `\N`, `\G`, `\E`, `\n`, `\l` are
///   codes in labels and tooltips; label text is unescaped once, tooltips twice.
/// - HTML-like labels (`<...>`) are parsed as XML, so `&`, `<`, `>` must be entities; after that the
///   backslash codes still apply once.
/// - `URL` goes into `xlink:href` exactly as given (no XML escaping), and `\N` codes apply.
/// - Text in the SVG keeps entities it finds (`&amp;` shows as `&`), so `&` is written as `&amp;`
///   wherever the text ends up in the SVG as-is.
public enum DOTEscaping {
    /// `s` as a DOT quoted string; backslashes are doubled so Graphviz prints them literally in labels.
    public static func quote(_ s: String) -> String {
        "\"" + escape(s, markup: false, backslash: "\\\\", newline: "\\n") + "\""
    }

    /// Text for the inside of an HTML-like label: XML entities for markup characters, doubled
    /// backslashes, line breaks as `<BR/>`, control characters dropped.
    public static func htmlText(_ s: String) -> String {
        escape(s, markup: true, backslash: "\\\\", newline: "<BR/>")
    }

    /// A quoted DOT string for `tooltip`/`labeltooltip`: markup characters as XML entities (which
    /// Graphviz passes through to the SVG), each backslash as four (tooltips are unescaped twice),
    /// newlines kept as line breaks.
    public static func tooltip(_ s: String) -> String {
        "\"" + escape(s, markup: true, backslash: "\\\\\\\\", newline: "\\n") + "\""
    }

    /// The one escaping loop behind `quote`, `htmlText` and `tooltip`: `"` as `\"` (or, with
    /// `markup`, `&`, `<`, `>`, `"`, `'` as XML entities), `\` and newline as given, carriage
    /// returns and characters XML forbids dropped.
    private static func escape(_ s: String, markup: Bool, backslash: String, newline: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&" where markup: out += "&amp;"
            case "<" where markup: out += "&lt;"
            case ">" where markup: out += "&gt;"
            case "'" where markup: out += "&#39;"
            case "\"": out += markup ? "&quot;" : "\\\""
            case "\\": out += backslash
            case "\n": out += newline
            case "\r": break
            default: if !isForbiddenInXML(ch) { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A quoted DOT string for `URL`, or nil when `s` is not an absolute http(s) URL with a host.
    /// Characters outside RFC 3986's set are percent-encoded and `&` becomes `&amp;`, because
    /// Graphviz copies the value into the SVG's `xlink:href` without escaping it.
    public static func url(_ s: String) -> String? {
        guard let safe = safeURL(s) else { return nil }
        return "\"" + safe.replacingOccurrences(of: "&", with: "&amp;") + "\""
    }

    /// `s` trimmed and percent-encoded when it is an http(s) URL with a host; nil otherwise
    /// (`javascript:`, `data:`, relative and malformed URLs).
    public static func safeURL(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = t.firstIndex(of: ":") else { return nil }
        let scheme = t[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = t[t.index(after: colon)...]
        guard rest.hasPrefix("//") else { return nil }
        // Allowed as they are: unreserved, reserved and `%` (already-encoded octets).
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&()*+,;=%".unicodeScalars)
        var out = scheme + ":"
        for u in rest.unicodeScalars {
            if allowed.contains(u) {
                out.unicodeScalars.append(u)
            } else {
                for b in String(u).utf8 { out += String(format: "%%%02X", b) }
            }
        }
        // A host must follow the `//`.
        let afterSlashes = out.dropFirst(scheme.count + 3)
        guard let first = afterSlashes.first, first != "/", first != "?", first != "#" else { return nil }
        return out
    }

    /// Characters XML 1.0 does not allow (most C0 controls); Graphviz would copy them into invalid SVG.
    static func isForbiddenInXML(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0xFFFE || u.value == 0xFFFF
    }
}
