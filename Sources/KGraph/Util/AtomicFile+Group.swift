import Foundation

extension AtomicFile {
    /// Writes several files so that none is exposed before all are complete: each goes to a
    /// temporary file beside its path and is flushed to disk, and only then are they renamed into
    /// place, one after the other. On any failure before the renames, every temporary file is
    /// removed and no path is touched. Devices and pipes among the paths are written last, directly.
    /// While the renames run, each file has a marker beside it (`interruptedGroupWrite(of:)`): a
    /// process killed between two renames leaves new and old files side by side, and the marker
    /// lets a reader refuse them instead of loading a mixed set. A rename that fails leaves the
    /// markers too, for the same reason.
    public static func write(files: [(data: Data, path: String)]) throws(FileWriteError) {
        var staged: [(temp: String, target: String, path: String)] = []
        var streamed: [(data: Data, path: String)] = []
        func cleanUp() { for s in staged { unlink(s.temp) } }
        for (data, path) in files {
            do {
                switch try destination(of: path) {
                case .stream: streamed.append((data, path))
                case let .replace(target, mode):
                    let temp = try stage(target, mode: mode, { emit in data.withUnsafeBytes { emit($0) } }, reportingAs: path)
                    staged.append((temp, target, path))
                }
            } catch {
                cleanUp()
                throw error
            }
        }
        // The renames are one after the other, so a kill between them would leave files that do
        // not belong together: a marker beside each says so until all are in place.
        if staged.count > 1 {
            for s in staged { close(open(incompleteMarker(of: s.target), O_WRONLY | O_CREAT | O_TRUNC, 0o644)) }
        }
        for (i, s) in staged.enumerated() where rename(s.temp, s.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { unlink(rest.temp) }
            throw FileWriteError(path: s.path, reason: reason)
        }
        for s in staged { unlink(incompleteMarker(of: s.target)) }
        for (data, path) in streamed { try write(data, to: path) }
    }
}

extension AtomicFile {
    /// The marker that stands beside `target` while a group write renames its files into place.
    static func incompleteMarker(of target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".kgraph-incomplete"
    }

    /// True when a write of `path` together with other files was interrupted before all of them
    /// were in place, so `path` may not belong with the files written beside it.
    public static func interruptedGroupWrite(of path: String) -> Bool {
        access(incompleteMarker(of: path), F_OK) == 0
    }
}
