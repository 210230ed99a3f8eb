import Foundation

extension AtomicFile {
    /// Writes several files so that none is exposed before all are complete, and so that a reader
    /// never takes files of two different writes for one set: each goes to a temporary file beside
    /// its path and is flushed to disk; only then are they renamed into place, one after the other,
    /// under a manifest (`GroupManifest`) that names the contents allowed together. On any failure
    /// before the renames, every temporary file is removed and no path is touched. Devices and
    /// pipes among the paths are written last, directly.
    public static func write(files: [(data: Data, path: String)]) throws(FileWriteError) {
        var streamed: [(data: Data, path: String)] = []
        var regular: [(data: Data, path: String)] = []
        for (data, path) in files {
            if case .stream = try destination(of: path) { streamed.append((data, path)) } else { regular.append((data, path)) }
        }
        for step in try groupSteps(regular) { try step.run() }
        for (data, path) in streamed { try write(data, to: path) }
    }

    /// One step of a group write after its files are staged; a process killed between two steps
    /// leaves the folder as the steps before it made it (the tests stop after each one).
    struct GroupStep {
        var name: String
        var run: () throws(FileWriteError) -> Void
    }

    /// Stages `files` (regular files, or new ones) and returns the steps that put them in place:
    /// the manifest allowing the old set and the new one, each rename, and the manifest allowing the
    /// new set alone. A kill between two renames leaves a mix that no generation of the manifest
    /// names, which the reader refuses; at every other point the files are one whole set.
    static func groupSteps(_ files: [(data: Data, path: String)]) throws(FileWriteError) -> [GroupStep] {
        var staged: [(temp: String, target: String, path: String)] = []
        var fingerprints: [String] = []
        for (data, path) in files {
            do {
                guard case let .replace(target, mode) = try destination(of: path) else { continue }
                let temp = try stage(target, mode: mode, { emit in data.withUnsafeBytes { emit($0) } }, reportingAs: path)
                staged.append((temp, target, path))
                fingerprints.append(GroupManifest.fingerprint(data))
            } catch {
                for s in staged { unlink(s.temp) }
                throw error
            }
        }
        var steps: [GroupStep] = []
        let folders = Set(staged.map { URL(fileURLWithPath: $0.target).deletingLastPathComponent().path })
        // A manifest guards a set of files in one folder; a lone file is replaced in one rename anyway.
        let manifest = staged.count > 1 && folders.count == 1 ? GroupManifest(folder: folders.first!) : nil
        let names = staged.map { URL(fileURLWithPath: $0.target).lastPathComponent }
        let new = GroupManifest.Generation(zip(names, fingerprints), uniquingKeysWith: { a, _ in a })
        if let manifest {
            let old = manifest.currentGeneration(names)
            steps.append(GroupStep(name: "manifest allows old and new") { () throws(FileWriteError) in
                try manifest.write(names: names, generations: [old, new])
            })
        }
        for (i, s) in staged.enumerated() {
            steps.append(GroupStep(name: "rename \(names[i])") { () throws(FileWriteError) in
                guard rename(s.temp, s.target) == 0 else {
                    let reason = String(cString: strerror(errno))
                    for rest in staged[i...] { unlink(rest.temp) }
                    throw FileWriteError(path: s.path, reason: reason)
                }
            })
        }
        if let manifest {
            steps.append(GroupStep(name: "manifest allows new") { () throws(FileWriteError) in
                try manifest.write(names: names, generations: [new])
            })
        }
        return steps
    }
}
