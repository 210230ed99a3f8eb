import Foundation

extension AtomicFile {
    /// The path a dangling symbolic link (or a chain of them) points at, where a write must create
    /// the file so that the link keeps pointing where it did; nil when `path` is not a symbolic link.
    static func danglingLinkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else { return current == path ? nil : current }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current == path ? nil : current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return nil }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return nil
    }
}
