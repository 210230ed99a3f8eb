import Foundation

/// Standard output and error, written so that a failing stream ends the command cleanly.
///
/// `FileHandle.write` traps on any error, so `kgraph entities > /dev/full` or a closed stream
/// crashed. Here: a reader that went away (EPIPE) ends the process quietly by SIGPIPE, as it
/// would have had SIGPIPE not been ignored, the way Unix tools behave in `... | head`; any other
/// failure prints `error: cannot write to standard output: REASON` on standard error (when that
/// still works) and exits 2.
enum StandardStream {
    case output, error

    var fd: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
    var name: String { self == .output ? "standard output" : "standard error" }

    /// Occupies any of descriptors 0-2 the process was started without (`>&-`) with /dev/null opened
    /// the wrong way round, so that a file opened later cannot take the number and receive the
    /// output, and writing to the closed stream fails (and is reported) as it should.
    static func occupyClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd { dup2(opened, fd); close(opened) }
        }
    }

    /// Writes all of `bytes`, or ends the process as described above.
    func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n >= 0 { offset += n; continue }
            if errno == EINTR { continue }
            fail(errno)
        }
    }

    func write(_ data: Data) { data.withUnsafeBytes { write($0) } }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    private func fail(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        if self == .output {
            var message = "error: cannot write to \(name): \(String(cString: strerror(code)))\n"
            // Best effort: if standard error is gone too, the exit code is all that is left.
            message.withUTF8 { _ = Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        exit(2)
    }
}
