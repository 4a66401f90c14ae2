#if canImport(Glibc)
import Glibc
#endif

/// CPU time and memory of a running child, read from /proc.
enum ProcessUsage {
    static let ticksPerSecond = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))

    /// utime + stime of `pid` in seconds (fields 14 and 15 of /proc/PID/stat), nil when it cannot be read.
    static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let text = read("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces), starting with field 3 (state).
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }

    /// VmRSS (now) or, with `peak`, the larger of VmRSS and VmHWM (the peak over the child's life) of `pid` in KiB,
    /// from /proc/PID/status; nil when unreadable.
    static func rssKb(_ pid: pid_t, peak: Bool = true) -> Int? {
        guard let text = read("/proc/\(pid)/status") else { return nil }
        var best: Int?
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") || (peak && line.hasPrefix("VmHWM:")) {
            let number = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
                .flatMap { Int($0.trimmingPrefix("\t")) }
            if let number { best = max(best ?? 0, number) }
        }
        return best
    }

    private static func read(_ path: String) -> String? {
        guard let bytes = try? FileBytes.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
