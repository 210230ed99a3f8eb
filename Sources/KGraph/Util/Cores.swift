import Foundation

/// The cores this process may run on, for the work split between two threads (the GraphML read,
/// the assembly, the checks after a read).
enum Cores {
    /// On Linux, those of the CPU affinity mask (the `Cpus_allowed` line of /proc/self/status;
    /// Swift does not import sched_getaffinity), so a run pinned to one core (`taskset -c 0`)
    /// works on one thread: `activeProcessorCount` counts the machine's cores there, whatever the mask.
    static var available: Int {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let n = line.dropFirst("Cpus_allowed:".count).reduce(0) { n, c in n + (c.hexDigitValue ?? 0).nonzeroBitCount }
            if n > 0 { return n }
        }
        #endif
        return ProcessInfo.processInfo.activeProcessorCount
    }
}
