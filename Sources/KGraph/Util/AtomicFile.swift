import Foundation

/// Why a file could not be written.
public struct FileWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files so that readers only ever see the old file or the complete new one.
///
/// A regular file (or a new one) is replaced by renaming a flushed temporary file over it; a
/// symbolic link keeps pointing where it did, and the file it points at is replaced (or created,
/// for a dangling link). A device or
/// pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into directly, since renaming over it
/// would replace the device itself with a plain file.
public enum AtomicFile {
    /// Writes `data` to `path` as described above. On any failure `path` is untouched.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write(to: path) { emit in data.withUnsafeBytes { emit($0) } }
    }

    /// Writes what `produce` hands to `emit`, piece by piece, so a big export is never held whole
    /// in memory, while readers still only ever see the old file or the complete new one. After a
    /// failed write the rest is ignored; the temporary file is removed and `path` is untouched.
    public static func write(to path: String,
                             streaming produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void) throws(FileWriteError) {
        switch try destination(of: path) {
        case .stream(let target):
            let fd = open(target, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            let failure = pour(into: fd, produce)
            close(fd)
            if let failure { throw FileWriteError(path: path, reason: failure) }
        case let .replace(target, mode):
            let temp = try stage(target, mode: mode, produce, reportingAs: path)
            if rename(temp, target) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw FileWriteError(path: path, reason: reason)
            }
        }
    }

    /// How a path is written: by replacing a file (keeping its permissions), or by streaming into a device or pipe.
    enum Destination: Equatable {
        case replace(String, mode: mode_t?)
        case stream(String)
    }

    /// Where the bytes for `path` go, following symbolic links.
    static func destination(of path: String) throws(FileWriteError) -> Destination {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ELOOP { throw FileWriteError(path: path, reason: "too many levels of symbolic links (a symbolic link loop)") }
            return .replace(danglingLinkTarget(path) ?? path, mode: nil)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw FileWriteError(path: path, reason: "it is a folder")
        case S_IFREG:
            guard let real = realpath(path, nil) else { return .replace(path, mode: info.st_mode & 0o7777) }
            defer { free(real) }
            return .replace(String(cString: real), mode: info.st_mode & 0o7777)
        default:
            return .stream(path)
        }
    }

    /// Writes `produce`'s bytes to a new temporary file beside `target`, flushed to disk, and returns
    /// its path; on failure nothing is left behind. `reportingAs` names the path in errors.
    static func stage(_ target: String, mode: mode_t?,
                      _ produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void,
                      reportingAs path: String) throws(FileWriteError) -> String {
        removeStaleTemporaries(of: target)
        let temp = temporaryName(for: target)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode ?? 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure = pour(into: fd, produce)
        if failure == nil, let mode, fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw FileWriteError(path: path, reason: failure)
        }
        return temp
    }

    /// Writes every piece `produce` emits to `fd`; the first failure's reason, or nil.
    private static func pour(into fd: Int32, _ produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void) -> String? {
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
        return failure
    }
}
