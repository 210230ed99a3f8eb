import Foundation

/// Where a reader's bytes come from: a file read in chunks (so a large file is never held whole),
/// or bytes already in memory.
public enum ByteSource: Sendable {
    case file(path: String)
    case bytes(Data)

    /// Opens the source for sequential reading from byte `offset` on.
    func open(at offset: Int = 0) throws(ByteSourceError) -> ByteReader {
        switch self {
        case .file(let path):
            let fd = Foundation.open(path, O_RDONLY)
            guard fd >= 0 else { throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno))) }
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw ByteSourceError(message: "cannot read file: it is a folder")
            }
            if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
                close(fd)
                throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno)))
            }
            return ByteReader(fd: fd, data: nil, offset: offset)
        case .bytes(let data):
            return ByteReader(fd: -1, data: data, offset: offset)
        }
    }

    /// The size in bytes of a regular file or of the bytes; nil when it cannot be known (a pipe).
    var size: Int? {
        switch self {
        case .bytes(let d): return d.count
        case .file(let path):
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(st.st_size)
        }
    }

    /// Up to `count` bytes from `offset` (fewer at the end); nil when they cannot be read.
    func peek(at offset: Int, count: Int) -> [UInt8]? {
        guard let reader = try? open(at: offset) else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBufferPointer { b in (try? reader.read(into: b.baseAddress! + got, count: count - got)) ?? -1 }
            if n < 0 { return nil }
            if n == 0 { break }
            got += n
        }
        out.removeLast(count - got)
        return out
    }

    /// All the bytes at once (for formats whose readers are not streaming).
    public func readAll() throws(ByteSourceError) -> Data {
        switch self {
        case .bytes(let d): return d
        case .file(let path):
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw ByteSourceError(message: "cannot read file: it is a folder")
            }
            guard let d = FileManager.default.contents(atPath: path) else {
                throw ByteSourceError(message: "cannot read file")
            }
            return d
        }
    }
}

/// Why a source could not be read.
public struct ByteSourceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Sequential reads from a file descriptor or from memory.
final class ByteReader {
    private let fd: Int32
    private let data: Data?
    private var offset: Int

    init(fd: Int32, data: Data?, offset: Int = 0) {
        self.fd = fd
        self.data = data
        self.offset = offset
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Reads up to `count` bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(ByteSourceError) -> Int {
        if let data {
            let n = min(count, data.count - offset)
            guard n > 0 else { return 0 }
            data.withUnsafeBytes { raw in
                let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset
                buffer.update(from: start, count: n)
            }
            offset += n
            return n
        }
        while true {
            let n = Foundation.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno)))
        }
    }
}
