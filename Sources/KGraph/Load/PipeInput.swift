import Foundation

/// Reading a graph from a pipe: a named pipe (FIFO) or the `/dev/fd/N` that a shell's process
/// substitution (`--graph <(cat g.yaml)`) passes. A pipe that a program writes into is read to its
/// end like a file; one that nobody opens for writing is waited for a bounded time and then refused,
/// so kgraph never blocks forever on it.
public enum PipeInput {
    /// How long a pipe with no writer is waited for before it is refused, in seconds.
    public static let writerWait = 10

    /// True when `path` (following symbolic links, as `/dev/fd/N` is one) is a pipe.
    public static func isPipe(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO
    }

    /// All the bytes written into the pipe at `path` until its writer closes it, at most
    /// `Limits.fileBytes`. Waits `waitSeconds` for a writer when none has the pipe open.
    public static func read(_ path: String, waitSeconds: Int = writerWait) throws(ByteSourceError) -> Data {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno))) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var writerSeen = false
        var waited = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                writerSeen = true
                data.append(buffer, count: n)
                guard data.count <= Limits.fileBytes else {
                    throw ByteSourceError(message: "cannot read file: the pipe carries more than the limit of "
                                          + "\(Limits.fileBytes) bytes (4 GiB) that kgraph reads")
                }
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno != EAGAIN {
                throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno)))
            }
            // EAGAIN: a writer has the pipe open and has not written yet: wait for it as long as it
            // takes, as `cat` would. 0: no writer has the pipe open, which is the end once one has
            // written; before that, wait for one in one-second steps, reading again after each
            // (a writer that opens the pipe without writing wakes no poll, but then reads give EAGAIN).
            if n == 0 && writerSeen { return data }
            if n < 0 { writerSeen = true }
            if n == 0 {
                guard waited < waitSeconds else {
                    throw ByteSourceError(message: "cannot read file: it is a named pipe (FIFO) that no program "
                                          + "opened for writing within \(waitSeconds) s (start the writer first, or save the data to a file)")
                }
                waited += 1
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, n < 0 ? -1 : 1000) < 0 && errno != EINTR {
                throw ByteSourceError(message: "cannot read file: " + String(cString: strerror(errno)))
            }
            // Hung up: a writer came and went, so what it wrote (perhaps nothing) is all there is.
            if poller.revents & Int16(POLLHUP) != 0 { writerSeen = true }
        }
    }
}
