import Foundation

/// What can be wrong with an input file before any reader sees its bytes, said precisely: a symlink
/// loop is not "no such file", a folder is not a file, and UTF-16 is not "invalid UTF-8". (Pipes
/// are read by `PipeInput` before this check, with a bounded wait for their writer.)
public enum InputFile {
    /// Why `path` cannot be read as a graph file, or nil when it is a readable regular file.
    public static func problem(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return missingReason(path, errno) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFIFO: return "it is a named pipe (FIFO); read it with PipeInput"
        case S_IFSOCK: return "it is a socket, not a file"
        default: return "it is a device, not a file"
        }
        guard Int64(st.st_size) <= Limits.fileBytes else {
            return "it is \(st.st_size) bytes, over the limit of \(Limits.fileBytes) bytes (4 GiB) that kgraph reads"
        }
        guard access(path, R_OK) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    /// The reason a path that `stat` refused cannot be read.
    static func missingReason(_ path: String, _ code: Int32) -> String {
        var link = stat()
        switch code {
        case ELOOP: return "too many levels of symbolic links (a symbolic link loop)"
        case ENOENT where lstat(path, &link) == 0: return "it is a symbolic link to a file that does not exist"
        default: return String(cString: strerror(code))
        }
    }

    /// A message for text that is UTF-16 (by its byte-order mark, or by the zero bytes every other
    /// byte that UTF-16 gives ASCII text), naming the command that converts it; nil otherwise.
    public static func utf16Problem(_ bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(64))
        let bom = head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))
        let evenZeros = stride(from: 0, to: head.count - 1, by: 2).filter { head[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: head.count, by: 2).filter { head[$0] == 0 }.count
        let pairs = head.count / 2
        let encoding: String
        if bom { encoding = "UTF-16" }
        else if pairs >= 2 && evenZeros == pairs && oddZeros < pairs { encoding = "UTF-16BE" }
        else if pairs >= 2 && oddZeros == pairs && evenZeros < pairs { encoding = "UTF-16LE" }
        else { return nil }
        return "the file is \(encoding); kgraph reads UTF-8 (convert it with iconv -f \(encoding) -t UTF-8)"
    }
}
