import Foundation

/// A loaded graph and everything found wrong with its files.
public struct LoadResult: Sendable {
    public var graph: Graph
    public var diagnostics: [Diagnostic]
    /// The files that were read, in order.
    public var files: [String]
}

/// Why the inputs could not even be listed.
public enum GraphLocationError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case noGraphFiles(String)
    case nothingToLoad
    case unreadable(String, reason: String)
    case folderNamedAsFile(String)

    public var description: String {
        switch self {
        case .missing(let p): return "no such file or folder: \(p)"
        case .noGraphFiles(let p): return "no graph files (*.yaml, *.yml) in folder \(p)"
        case let .unreadable(p, reason): return "cannot read \(p): \(reason)"
        case .folderNamedAsFile(let p):
            return "\(p) is a folder, not a .\(URL(fileURLWithPath: p).pathExtension) file, and it holds no graph files (*.yaml, *.yml)"
        case .nothingToLoad:
            return "no graph given: pass --graph PATH (a file or folder, repeatable), set KGRAPH_GRAPH, "
                + "or run inside a folder that has a Graphs/ folder (or below one)"
        }
    }
}

/// Finds and reads graph files of every supported format, merges them and validates the result.
public enum GraphLoader {
    /// File extensions a folder is searched for.
    public static let nativeExtensions: Set<String> = Set(YAMLFormat().extensions)

    /// The graph paths to use: the explicit ones, else `$KGRAPH_GRAPH` (paths separated by ':'),
    /// else a `Graphs` folder in `directory` or one of its parents.
    public static func locate(explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                              directory: String = FileManager.default.currentDirectoryPath) throws(GraphLocationError) -> [String] {
        if !explicit.isEmpty { return explicit }
        if let env = environment["KGRAPH_GRAPH"], !env.isEmpty {
            return env.split(separator: ":").map(String.init)
        }
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("Graphs").path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), isDir.boolValue {
                return [candidate]
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        throw .nothingToLoad
    }

    /// Expands folders into the graph files below them (sorted); files are kept as given.
    public static func files(in paths: [String]) throws(GraphLocationError) -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                var st = stat()
                let code = stat(p, &st) == 0 ? 0 : errno
                let reason = InputFile.missingReason(p, code)
                // Plain absence keeps its short message; a loop or a dangling link says which.
                if code != ENOENT || reason.hasPrefix("it is") { throw .unreadable(p, reason: reason) }
                throw .missing(p)
            }
            guard isDir.boolValue else { out.append(p); continue }
            var found: [String] = []
            let base = URL(fileURLWithPath: p)
            if let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                           options: [.skipsHiddenFiles]) {
                for case let url as URL in walker where nativeExtensions.contains(url.pathExtension.lowercased()) {
                    let rel = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : url.lastPathComponent
                    found.append((p.hasSuffix("/") ? p : p + "/") + rel)
                }
            }
            guard !found.isEmpty else {
                let ext = URL(fileURLWithPath: p).pathExtension.lowercased()
                if GraphFormats.reading(extension: ext) != nil { throw .folderNamedAsFile(p) }
                throw .noGraphFiles(p)
            }
            out += found.sorted()
        }
        return out
    }

    /// Loads and validates the graph in `paths` (files or folders), merged. `strictVocabulary`:
    /// other formats' files must keep to the vocabulary as the native format does (errors, not warnings).
    public static func load(paths: [String], strictVocabulary: Bool = false) throws(GraphLocationError) -> LoadResult {
        let list = try files(in: paths)
        var diagnostics: [Diagnostic] = []
        var fragments: [GraphFragment] = []
        for file in list {
            fragments.append(readFragment(file: file, diagnostics: &diagnostics))
        }
        let graph = GraphAssembler.assemble(consume fragments, strictVocabulary: strictVocabulary, diagnostics: &diagnostics)
        if diagnostics.count > Limits.diagnosticsFoldAt { diagnostics.fold() }
        return LoadResult(graph: graph, diagnostics: diagnostics.sortedByLocation(), files: list)
    }

    /// Loads a graph from YAML text (for tests and embedding).
    public static func load(yaml: String, file: String = "<memory>") -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let fragment = GraphFileParser.parse(yaml: yaml, file: file, diagnostics: &diagnostics)
        let graph = GraphAssembler.assemble([fragment], diagnostics: &diagnostics)
        return LoadResult(graph: graph, diagnostics: diagnostics.sortedByLocation(), files: [file])
    }

    /// Native files at least this big (bytes) go through `FragmentCache` when one is configured;
    /// smaller ones parse in about the time a cache lookup takes.
    public static let cacheThreshold = 32 * 1024

    /// Reads one file in whatever format its extension says (`GraphFormats`).
    public static func readFragment(file: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        let start = FileLocation(file: file, line: 1, column: 1)
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if PipeInput.isPipe(file) { return readPipe(file, extension: ext, diagnostics: &diagnostics) }
        guard let format = GraphFormats.reading(extension: ext) else {
            diagnostics.append(Diagnostic(.error, "unsupported graph file type '.\(ext)'; supported: " + GraphFormats.readableExtensions,
                                          at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        if let reason = InputFile.problem(file) {
            diagnostics.append(Diagnostic(.error, "cannot read file: " + reason, at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        // Other formats read the file themselves (the large ones stream it).
        guard format is YAMLFormat else {
            let fragment = format.read(.file(path: file), file: file, diagnostics: &diagnostics)
            FragmentCheck.check(fragment, diagnostics: &diagnostics)
            FragmentCheck.checkValueSizes(fragment, diagnostics: &diagnostics)
            return fragment
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(Diagnostic(.error, "cannot read file", at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        // Big native files parse once, then load from the binary cache (FragmentCache).
        let cache = data.count >= cacheThreshold ? FragmentCache.configured() : nil
        let key = cache?.key(for: data, file: file)
        if let cache, let key, let hit = cache.lookUp(key) {
            diagnostics += hit.diagnostics
            return hit.fragment
        }
        var found: [Diagnostic] = []
        let fragment = format.read(.bytes(data), file: file, diagnostics: &found)
        FragmentCheck.checkValueSizes(fragment, diagnostics: &found)
        if let cache, let key { cache.store(fragment, diagnostics: found, key: key) }
        diagnostics += found
        return fragment
    }

    /// Reads a pipe (a FIFO, or the `/dev/fd/N` of `--graph <(command)`) to its end, in the format
    /// its name says or, without an extension, the one its content shows.
    static func readPipe(_ file: String, extension ext: String, diagnostics: inout [Diagnostic]) -> GraphFragment {
        let start = FileLocation(file: file, line: 1, column: 1)
        let data: Data
        do { data = try PipeInput.read(file) } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        let named = ext.isEmpty ? nil : GraphFormats.reading(extension: ext)
        guard let format = named ?? GraphFormats.reading(content: data), format.reads else {
            diagnostics.append(Diagnostic(.error, "cannot tell the graph format of what the pipe carries; supported: "
                                          + GraphFormats.readableExtensions, at: start))
            return GraphFragment(file: file, strictVocabulary: true)
        }
        let fragment = format.read(.bytes(data), file: file, diagnostics: &diagnostics)
        if !(format is YAMLFormat) { FragmentCheck.check(fragment, diagnostics: &diagnostics) }
        FragmentCheck.checkValueSizes(fragment, diagnostics: &diagnostics)
        return fragment
    }
}
