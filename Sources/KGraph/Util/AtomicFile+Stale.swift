import Foundation

extension AtomicFile {
    /// The temporary file a write of `target` stages its bytes in: hidden, beside it, named for
    /// this process, so that a later write can tell which ones were left by a process that died.
    static func temporaryName(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent
            + temporaryInfix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    static let temporaryInfix = ".tmp-"

    /// Removes the temporary files that writes of `target` left when their process was killed
    /// (`.NAME.tmp-PID-RANDOM` whose PID is no longer running): a write that dies between staging
    /// and renaming leaves one, and twenty killed exports of 166 MB left 566 MB of them.
    /// Files of running processes and every other name are left alone.
    static func removeStaleTemporaries(of target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + temporaryInfix
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(prefix) && isStaleTemporary(name) { unlink(folder + "/" + name) }
        }
    }

    /// True for a temporary file name of kgraph's own (`...tmp-PID-RANDOM`) whose process is gone.
    static func isStaleTemporary(_ name: String) -> Bool {
        guard let at = name.range(of: temporaryInfix, options: .backwards),
              let pid = writerProcess(in: name[at.upperBound...]) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The process id in `PID-RANDOM`, or nil when the rest of the name is not of that form.
    private static func writerProcess(in rest: Substring) -> pid_t? {
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}
