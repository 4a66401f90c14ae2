import Foundation
import ShadowControl

/// Reloads the running daemon after its config was rewritten: `systemctl reload shadowd` when the daemon is the
/// systemd unit, SIGHUP to its pid otherwise. A daemon that runs another config file is left alone.
enum DaemonReload {
    /// What happened.
    enum Outcome: Equatable {
        case reloaded(String)
        case skipped(String)
        case failed(String)
    }

    static func reload(config: String, options: ReloadOptions) -> Outcome {
        if options.noReload { return .skipped("not reloaded (--no-reload); the daemon applies it at its next reload") }
        if let pidFile = options.pidFile {
            guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                  let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else {
                return .failed("cannot read a pid from \(pidFile)")
            }
            return signal(pid)
        }
        if let status = try? ControlClient(path: options.socket).status() {
            guard sameFile(status.configPath, config) else {
                return .skipped("the running daemon (pid \(status.pid)) uses \(status.configPath), not \(config): "
                                + "not reloaded")
            }
            if underSystemd(status.pid) { return systemctlReload() }
            return signal(status.pid)
        }
        if systemctl(["is-active", "--quiet", "shadowd"]).status == 0 {
            guard sameFile("/etc/shadowd/shadowd.toml", config) else {
                return .skipped("shadowd.service runs /etc/shadowd/shadowd.toml, not \(config): not reloaded")
            }
            return systemctlReload()
        }
        return .skipped("no shadowd daemon is running; the new champion applies when it starts")
    }

    /// Whether two paths name the same file (device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// Whether the process belongs to the `shadowd.service` cgroup.
    static func underSystemd(_ pid: Int32) -> Bool {
        guard let cgroup = try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8) else { return false }
        return cgroup.contains("/shadowd.service")
    }

    static func signal(_ pid: Int32) -> Outcome {
        guard kill(pid, SIGHUP) == 0 else {
            return .failed("cannot send SIGHUP to pid \(pid): \(String(cString: strerror(errno)))")
        }
        return .reloaded("sent SIGHUP to shadowd (pid \(pid)); it reloads between batches")
    }

    static func systemctlReload() -> Outcome {
        let result = systemctl(["reload", "shadowd"])
        guard result.status == 0 else {
            return .failed("systemctl reload shadowd failed (\(result.output.isEmpty ? "exit \(result.status)" : result.output)); "
                           + "run: sudo systemctl reload shadowd")
        }
        return .reloaded("reloaded shadowd.service (systemctl reload shadowd)")
    }

    static func systemctl(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemctl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (127, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process.terminationStatus, output)
    }
}
