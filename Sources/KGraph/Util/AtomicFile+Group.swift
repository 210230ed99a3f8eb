import Foundation

extension AtomicFile {
    /// Writes several files so that none is exposed before all are complete: each goes to a
    /// temporary file beside its path and is flushed to disk, and only then are they renamed into
    /// place, one after the other. On any failure before the renames, every temporary file is
    /// removed and no path is touched.
    public static func write(files: [(data: Data, path: String)]) throws(FileWriteError) {
        var staged: [(temp: String, path: String)] = []
        func cleanUp() { for s in staged { unlink(s.temp) } }
        for (data, path) in files {
            let url = URL(fileURLWithPath: path)
            let temp = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
                + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw FileWriteError(path: path, reason: reason)
            }
            staged.append((temp, path))
            var failure: String?
            data.withUnsafeBytes { (buf: UnsafeRawBufferPointer) in
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
            if let failure {
                cleanUp()
                throw FileWriteError(path: path, reason: failure)
            }
        }
        for (i, s) in staged.enumerated() where rename(s.temp, s.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { unlink(rest.temp) }
            throw FileWriteError(path: s.path, reason: reason)
        }
    }
}
