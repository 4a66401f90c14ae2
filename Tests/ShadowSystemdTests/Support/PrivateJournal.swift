import Foundation
import Glibc

/// A throwaway `systemd-journald` that only one thread of the test process can see.
///
/// `sd_journal_sendv` always writes to `/run/systemd/journal/socket`. A dedicated thread unshares its mount
/// namespace (per-thread for `CLONE_NEWNS`), binds temporary directories over `/run` and `/var/log`, starts
/// journald from there and runs the logging code, so entries land in a temporary journal and nothing of the
/// host's `/run` or journal is touched. Needs root (CAP_SYS_ADMIN).
enum PrivateJournal {
    /// Why the private journal cannot run here, or `nil` when it can.
    static let unavailableReason: String? = {
        if getuid() != 0 { return "needs root to create a mount namespace" }
        if journald == nil { return "systemd-journald not found in /lib/systemd or /usr/lib/systemd" }
        if journalctl == nil { return "journalctl not found" }
        let probe = Thread.runDetached { unshareMountNamespace() }
        return probe.map { "unshare(CLONE_NEWNS) failed: \($0)" }
    }()

    static let journald = ["/lib/systemd/systemd-journald", "/usr/lib/systemd/systemd-journald"]
        .first { (path: String) in access(path, X_OK) == 0 }
    static let journalctl = ["/usr/bin/journalctl", "/bin/journalctl"]
        .first { (path: String) in access(path, X_OK) == 0 }

    /// Runs `body` against a fresh journald and returns every entry it stored, as `journalctl -o json` objects.
    static func capture(_ body: @escaping @Sendable () -> Void) throws -> [[String: Any]] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shadowd-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["run", "varlog"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        if let failure = Thread.runDetached({ runIsolated(root: root.path, journald: true, body: body) }) {
            throw SupportError(failure)
        }
        return try read(directory: root.appendingPathComponent("run/log/journal"))
    }

    /// Runs `body` where `/run/systemd/journal/socket` exists but nobody reads it, so sends are refused.
    static func withDeadJournal(_ body: @escaping @Sendable () -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shadowd-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for sub in ["run", "varlog"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        if let failure = Thread.runDetached({ runIsolated(root: root.path, journald: false, body: body) }) {
            throw SupportError(failure)
        }
    }

    /// On the calling (dedicated) thread: isolate, start journald (or leave a dead socket), run body, stop journald.
    /// Returns a failure text.
    private static func runIsolated(root: String, journald startJournald: Bool, body: () -> Void) -> String? {
        if let failure = unshareMountNamespace() { return "unshare: \(failure)" }
        if mount(nil, "/", nil, UInt(MS_REC | MS_PRIVATE), nil) != 0 { return "make / private: errno \(errno)" }
        if mount(root + "/run", "/run", nil, UInt(MS_BIND), nil) != 0 { return "bind /run: errno \(errno)" }
        if access("/var/log", F_OK) == 0, mount(root + "/varlog", "/var/log", nil, UInt(MS_BIND), nil) != 0 {
            return "bind /var/log: errno \(errno)"
        }
        mkdir("/run/systemd", 0o755)
        mkdir("/run/log", 0o755)
        guard startJournald else {
            mkdir("/run/systemd/journal", 0o755)
            let dead = NotifySocketBinder.bindAndClose(path: ShadowSystemdJournalSocket.path)
            if let dead { return dead }
            body()
            return nil
        }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(journald!), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), nil]
        defer { (argv + envp).forEach { free($0) } }
        let spawned = posix_spawn(&pid, journald!, nil, nil, argv, envp)
        guard spawned == 0 else { return "posix_spawn journald: errno \(spawned)" }
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        var waited = 0
        while access(ShadowSystemdJournalSocket.path, F_OK) != 0 {
            if waited > 5_000 { return "journald did not create its socket within 5 s" }
            usleep(5_000)
            waited += 5
        }
        body()
        return nil
    }

    /// Reads the journal files under `directory` with `journalctl -D … -o json --all`.
    private static func read(directory: URL) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: journalctl!)
        process.arguments = ["-D", directory.path, "-o", "json", "--all", "--no-pager"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SupportError("journalctl exited \(process.terminationStatus)") }
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw SupportError("journalctl printed a non-object line")
            }
            return object
        }
    }

    /// Moves the calling thread into a new mount namespace; returns a failure text or `nil`.
    private static func unshareMountNamespace() -> String? {
        typealias Unshare = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "unshare") else { return "no unshare symbol" }
        let cloneNewNS: Int32 = 0x0002_0000
        return unsafeBitCast(symbol, to: Unshare.self)(cloneNewNS) == 0 ? nil : "errno \(errno)"
    }
}

/// The path libsystemd sends journal entries to.
enum ShadowSystemdJournalSocket {
    static let path = "/run/systemd/journal/socket"
}

extension Thread {
    /// Runs `work` on a new thread that ends afterwards (so its namespace changes die with it) and returns its result.
    static func runDetached<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let thread = Thread {
            box.set(work())
        }
        thread.start()
        return box.wait()
    }
}

/// A one-shot result handed from a worker thread to a waiting one.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    func set(_ newValue: T) {
        condition.lock()
        value = newValue
        condition.signal()
        condition.unlock()
    }

    func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
