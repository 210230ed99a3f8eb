import CGraphviz
import Foundation

/// A Graphviz failure, with Graphviz's own message where it gave one.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// The DOT text did not parse.
    case syntax(String)
    /// The layout engine failed or does not exist.
    case layout(engine: String, message: String)
    /// The output format is unknown or rendering failed.
    case render(format: String, message: String)

    public var description: String {
        switch self {
        case .syntax(let m): return "Graphviz could not read the DOT text: \(m)"
        case let .layout(engine, m): return "Graphviz layout with engine '\(engine)' failed: \(m)"
        case let .render(format, m): return "Graphviz could not render format '\(format)': \(m)"
        }
    }
}

/// Lays out and renders DOT text in-process through Graphviz's C API (cgraph + gvc).
///
/// This is the only file that talks to Graphviz. Graphviz is not thread-safe, so every call is
/// serialised; one context lives for the whole process (a fresh context per render leaks and has
/// given use-after-free reads in the pango plugin).
///
///     let svg = try GraphvizRenderer.shared.render(dot: "digraph { a -> b }", engine: "dot", format: "svg")
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    private let lock = NSLock()
    private let context: OpaquePointer

    private init() {
        // Keep Graphviz quiet on stderr; errors are fetched with aglasterr() instead.
        agseterr(AGMAX)
        context = gvContext()
    }

    /// Layout engines this Graphviz offers (e.g. dot, neato, sfdp).
    public var engines: [String] { plugins("layout") }

    /// Output formats this Graphviz offers (e.g. svg, png, pdf).
    public var formats: [String] { plugins("device") }

    private func plugins(_ kind: String) -> [String] {
        lock.lock(); defer { lock.unlock() }
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        var names: [String] = []
        for i in 0..<Int(count) {
            if let p = list[i] { names.append(String(cString: p)); free(p) }
        }
        free(list)
        return Array(Set(names.map { $0.split(separator: ":").first.map(String.init) ?? $0 })).sorted()
    }

    /// Lays out `dot` with `engine` and renders it as `format` (svg, png, pdf, ...).
    /// - Throws: `RenderError` with Graphviz's message.
    public func render(dot: String, engine: String = "dot", format: String = "svg") throws(RenderError) -> Data {
        lock.lock(); defer { lock.unlock() }
        agreseterrors()
        guard let graph = agmemread(dot) else {
            throw .syntax(lastError() ?? "syntax error")
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, engine) == 0 else {
            throw .layout(engine: engine, message: lastError() ?? "unknown layout engine or layout failure")
        }
        defer { gvFreeLayout(context, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &buffer, &length) == 0, let buffer else {
            throw .render(format: format, message: lastError() ?? "unknown format or render failure")
        }
        defer { gvFreeRenderData(buffer) }
        return Data(bytes: buffer, count: Int(length))
    }

    /// Graphviz's last error message, cleared afterwards so the next graph starts clean.
    private func lastError() -> String? {
        defer { agreseterrors() }
        guard let p = aglasterr() else { return nil }
        defer { free(p) }
        let s = String(cString: p).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }
}
