import Foundation

/// A cache of parsed graph files, so that a big native (YAML) graph is parsed once and then loads
/// from a compact binary form in a fraction of the time.
///
/// An entry is keyed by the SHA-256 of the file's bytes together with the file's path (locations
/// in diagnostics name it), the cache format's version, the field tables the records are coded
/// by, and the running program's size and modification time. So any change to the file's content, a move, or a rebuilt kgraph (whose
/// parser may have changed) misses the cache and parses afresh: the cache can only ever return
/// what parsing those same bytes with this same program gave. Entries carry a checksum; a damaged
/// or unreadable entry is ignored and rewritten. Writes go through `AtomicFile`.
/// The folder keeps the `maxEntries` most recently written entries.
///
/// Where: `$KGRAPH_CACHE` (a folder, or `off` to disable), else `$XDG_CACHE_HOME/kgraph`, else
/// `~/.cache/kgraph`.
public struct FragmentCache: Sendable {
    public let folder: String
    public var maxEntries = 64

    /// Bumped whenever `FragmentCoding`'s own layout changes. A change to the field tables (a new
    /// field, a field's kind of value) needs no bump: `fieldTables` is part of every key.
    static let formatVersion: UInt8 = 5

    /// Every field of the four tables, by key and kind of value, in order: the records' layout in
    /// the cache, so an entry written with other tables is never read back as these.
    static let fieldTables: String = {
        func describe<R: DescribedRecord>(_: R.Type) -> String {
            R.fields.map { $0.key + " " + kind($0.value) + ($0.required ? " required" : "") }.joined(separator: ",")
        }
        return [describe(Document.self), describe(Entity.self), describe(Relation.self), describe(Citation.self)].joined(separator: ";")
    }()

    /// A field's kind of value as text, spelled out: interpolating the enum went through
    /// reflection, 4.6 M instructions on every cached load.
    private static func kind(_ v: FieldValue) -> String {
        switch v {
        case .id: "id"
        case .text: "text"
        case .prose: "prose"
        case .date: "date"
        case .timeSpan: "timeSpan"
        case .url: "url"
        case .choice(let words, let standard): "choice(" + words.joined(separator: "|") + "/" + standard + ")"
        case .documentID: "documentID"
        case .entityID: "entityID"
        case .list: "list"
        case .map: "map"
        case .attributes: "attributes"
        case .citations: "citations"
        }
    }
    static let magic: [UInt8] = Array("KGFC".utf8)

    public init(folder: String) { self.folder = folder }

    /// The cache the environment asks for, or nil when it is switched off or has no home.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) -> FragmentCache? {
        if let v = environment["KGRAPH_CACHE"], !v.isEmpty {
            return ["off", "0", "no", "false", "none"].contains(v.lowercased()) ? nil : FragmentCache(folder: v)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return FragmentCache(folder: xdg + "/kgraph") }
        if let home = environment["HOME"], !home.isEmpty { return FragmentCache(folder: home + "/.cache/kgraph") }
        return nil
    }

    /// The running program's size and modification time, so that a rebuilt program never reads
    /// entries an older parser wrote.
    static let programFingerprint: String = {
        var st = stat()
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard stat(path, &st) == 0 else { return "unknown:" + path }
        #if canImport(Darwin)
        let mtime = st.st_mtimespec
        #else
        let mtime = st.st_mtim
        #endif
        return "\(path):\(st.st_size):\(mtime.tv_sec).\(mtime.tv_nsec)"
    }()

    /// The key of a file's bytes as read from `file`.
    /// - Complexity: O(bytes) (one SHA-256 pass).
    public func key(for data: Data, file: String) -> [UInt8] {
        var h = SHA256()
        h.update(Array("kgraph fragment cache \(Self.formatVersion)\0\(Self.fieldTables)\0\(Self.programFingerprint)\0\(file)\0".utf8))
        data.withUnsafeBytes { h.update($0) }
        return h.finish()
    }

    private func path(_ key: [UInt8]) -> String {
        folder + "/" + key.prefix(20).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + ".kgfc"
    }

    /// The parse cached under `key`, or nil when there is none or it cannot be read back intact.
    public func lookUp(_ key: [UInt8]) -> (fragment: GraphFragment, diagnostics: [Diagnostic])? {
        guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        return data.withUnsafeBytes { raw -> (GraphFragment, [Diagnostic])? in
            let header = Self.magic.count + 1 + key.count + 8
            guard raw.count >= header, Array(raw[0..<4]) == Self.magic, raw[4] == Self.formatVersion,
                  Array(raw[5..<(5 + key.count)]) == key else { return nil }
            let sumAt = 5 + key.count
            var stored: UInt64 = 0
            for i in 0..<8 { stored |= UInt64(raw[sumAt + i]) << (8 * UInt64(i)) }
            let payload = UnsafeRawBufferPointer(rebasing: raw[header...])
            guard Self.checksum(payload) == stored else { return nil }
            return try? FragmentCoding.decode(payload)
        }
    }

    /// Stores a parse under `key`. Failing to write (a read-only home, a full disk) is not an error:
    /// the next load simply parses again.
    public func store(_ fragment: GraphFragment, diagnostics: [Diagnostic], key: [UInt8]) {
        let payload = FragmentCoding.encode(fragment, diagnostics: diagnostics)
        var bytes = Self.magic + [Self.formatVersion] + key
        let sum = payload.withUnsafeBytes { Self.checksum($0) }
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        bytes += payload
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil
        else { return }
        // AtomicFile names its temporary file for this process, so one a kill leaves is removed later.
        guard (try? AtomicFile.write(Data(bytes), to: path(key))) != nil else { return }
        prune()
    }

    /// Removes the oldest entries beyond `maxEntries`, and files that killed writes left: kgraph's
    /// own temporary files whose process is gone, and an hour-old `.dat.nosync*` of Foundation's
    /// atomic writes, which earlier versions stored entries through.
    private func prune() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        for name in names where AtomicFile.isStaleTemporary(name) || name.hasPrefix(".dat.nosync") {
            let p = folder + "/" + name
            let written = (try? fm.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast
            if !name.hasPrefix(".dat.nosync") || written < Date(timeIntervalSinceNow: -3600) { try? fm.removeItem(atPath: p) }
        }
        let entries = names.filter { $0.hasSuffix(".kgfc") }
        guard entries.count > maxEntries else { return }
        let dated = entries.map { name -> (String, Date) in
            let p = folder + "/" + name
            return (p, (try? fm.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (p, _) in dated.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - maxEntries) {
            try? fm.removeItem(atPath: p)
        }
    }

    /// FNV-1a over 8-byte words: catches a damaged entry at a few GB/s.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01b3
            i += 8
        }
        while i < bytes.count { h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01b3; i += 1 }
        return h ^ UInt64(bytes.count)
    }
}
