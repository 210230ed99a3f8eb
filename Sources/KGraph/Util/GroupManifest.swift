import Foundation

/// The record beside a set of files written together (the Neo4j CSV pair) that lets a reader tell
/// whether the files it finds belong together: `.kgraph-group` in their folder lists the set's file
/// names, then the generations allowed, each a fingerprint (size and 64-bit FNV-1a hash) per file.
/// While a write renames its files one by one, the manifest allows both the old set and the new
/// one, so a kill at any point leaves either a whole set (which loads) or a mix (which is refused).
/// The files themselves are left exactly as other tools (neo4j-admin, Kuzu) read them.
struct GroupManifest {
    /// Each file's fingerprint, by name; `absent` for a file that does not exist.
    typealias Generation = [String: String]

    static let fileName = ".kgraph-group"
    static let absent = "absent"

    var folder: String
    var path: String { folder + "/" + Self.fileName }

    /// `size:hash` of `data`.
    static func fingerprint(_ data: some DataProtocol) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var count = 0
        for region in data.regions {
            region.withUnsafeBytes { raw in
                for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            }
            count += region.count
        }
        return "\(count):" + String(hash, radix: 16)
    }

    /// The fingerprint of the file `name` in the folder as it is now.
    func fingerprint(of name: String) -> String {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return Self.absent }
        return Self.fingerprint(data)
    }

    /// The files `names` as they are now, as a generation.
    func currentGeneration(_ names: [String]) -> Generation {
        Generation(uniqueKeysWithValues: names.map { ($0, fingerprint(of: $0)) })
    }

    /// Replaces the manifest (atomically) with one allowing `generations` of the set `names`.
    func write(names: [String], generations: [Generation]) throws(FileWriteError) {
        var text = "kgraph group 1\t" + names.joined(separator: "\t") + "\n"
        for g in generations { text += names.map { g[$0] ?? Self.absent }.joined(separator: "\t") + "\n" }
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    /// The set's names and allowed generations, or nil when there is no readable manifest.
    func read() -> (names: [String], generations: [Generation])? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        guard let head = lines.first, head.first == "kgraph group 1", head.count > 1 else { return nil }
        let names = Array(head.dropFirst())
        let generations = lines.dropFirst().filter { $0.count == names.count }
            .map { Generation(uniqueKeysWithValues: zip(names, $0)) }
        return (names, generations)
    }
}

extension AtomicFile {
    /// Why `path` must not be read together with the files written with it, or nil when it may:
    /// the files of its set are not one generation its folder's manifest allows (a write of the set
    /// was interrupted between two renames, or a file was changed since). Nil without a manifest.
    public static func groupMismatch(of path: String) -> String? {
        var resolved = path
        if let real = realpath(path, nil) {
            resolved = String(cString: real)
            free(real)
        }
        let url = URL(fileURLWithPath: resolved)
        let manifest = GroupManifest(folder: url.deletingLastPathComponent().path)
        guard let (names, generations) = manifest.read(), names.contains(url.lastPathComponent) else { return nil }
        let now = manifest.currentGeneration(names)
        if generations.contains(now) { return nil }
        return names.joined(separator: " and ") + " are not from the same export (one was interrupted between replacing "
            + "them, or a file was changed since): export them again, or delete \(manifest.path) if the change was on purpose"
    }
}
