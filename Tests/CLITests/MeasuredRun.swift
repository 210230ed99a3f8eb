import Foundation

/// What a command printed, how it ended, and its peak memory.
struct MeasuredOutcome {
    var status: Int32
    /// The signal that ended the process, if one did.
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Peak resident memory of this process alone, in MB: its VmHWM, read while it runs. (wait4's
    /// ru_maxrss would count the test runner's memory too: posix_spawn's child starts in its
    /// parent's address space, and exec records that space's peak.)
    var peakMB: Double
    var timedOut: Bool
}

/// Where the child's standard output goes.
enum OutputTarget {
    case captured
    /// A device on which every write fails with ENOSPC.
    case full
    /// Not open at all (`>&-`).
    case closed
}

/// Runs the built `kgraph` with `arguments`, killing it after `timeout` seconds, and reports its
/// own peak memory (not the test runner's): hostile-input tests assert that input cannot make it grow.
func kgraphMeasured(_ arguments: [String], output: OutputTarget = .captured, errors: OutputTarget = .captured,
                    timeout: Double = 60,
                    environment: [String: String] = ["KGRAPH_CACHE": "off"]) throws -> MeasuredOutcome {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let outPath = dir.appendingPathComponent("out").path, errPath = dir.appendingPathComponent("err").path

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    for (fd, target, path) in [(Int32(1), output, outPath), (2, errors, errPath)] {
        switch target {
        case .captured: posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .full: posix_spawn_file_actions_addopen(&actions, fd, "/dev/full", O_WRONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    var env = ProcessInfo.processInfo.environment
    env["KGRAPH_GRAPH"] = nil
    for (k, v) in environment { env[k] = v }
    let program = productsFolder.appendingPathComponent("kgraph").path
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { argv.forEach { free($0) }; envp.forEach { free($0) } }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    let deadline = Date().addingTimeInterval(timeout)
    var peakKB = 0
    while wait4(pid, &status, WNOHANG, &usage) == 0 {
        peakKB = max(peakKB, highWaterKB(of: pid))
        if Date() > deadline && !timedOut {
            timedOut = true
            kill(pid, SIGKILL)
        }
        usleep(5_000)
    }
    let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
    func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return MeasuredOutcome(status: signalled ? 128 + (status & 0x7f) : (status >> 8) & 0xff,
                           signal: signalled ? status & 0x7f : nil,
                           stdout: read(outPath), stderr: read(errPath),
                           peakMB: Double(peakKB) / 1024, timedOut: timedOut)
}

/// The process's peak resident memory so far (VmHWM in /proc), in KB; 0 when it cannot be read.
func highWaterKB(of pid: pid_t) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
}
