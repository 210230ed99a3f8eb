import Foundation

extension AtomicFile {
    /// Writes several files so that none is exposed before all are complete: each goes to a
    /// temporary file beside its path and is flushed to disk, and only then are they renamed into
    /// place, one after the other. On any failure before the renames, every temporary file is
    /// removed and no path is touched. Devices and pipes among the paths are written last, directly.
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
        for (i, s) in staged.enumerated() where rename(s.temp, s.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { unlink(rest.temp) }
            throw FileWriteError(path: s.path, reason: reason)
        }
        for (data, path) in streamed { try write(data, to: path) }
    }
}
