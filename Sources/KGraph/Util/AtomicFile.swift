import Foundation

/// Why a file could not be written.
public struct FileWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files so that readers only ever see the old file or the complete new one.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path`, flushes it to disk, then renames it over
    /// `path`. On any failure the temporary file is removed and `path` is untouched.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write(to: path) { emit in data.withUnsafeBytes { emit($0) } }
    }

    /// Writes what `produce` hands to `emit`, piece by piece, to a temporary file beside `path`,
    /// flushes it to disk, then renames it over `path`; so a big export is never held whole in
    /// memory, and readers still only ever see the old file or the complete new one. After a
    /// failed write the rest is ignored; the temporary file is removed and `path` is untouched.
    public static func write(to path: String,
                             streaming produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void) throws(FileWriteError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        produce { buf in
            guard failure == nil, buf.count > 0 else { return }
            var offset = 0
            while offset < buf.count {
                let n = Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw FileWriteError(path: path, reason: failure)
        }
    }
}
