import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Chooses and installs the process-wide log handler: the journal under systemd, stderr otherwise.
public enum ShadowLogging {
    /// The socket `sd_journal_sendv` writes to.
    public static let journalSocketPath = "/run/systemd/journal/socket"

    /// Installs the handler for `destination(…)` of this process as swift-log's backend; call once, at startup.
    @discardableResult
    public static func bootstrap(level: Logger.Level) -> LogDestination {
        let destination = currentDestination()
        LoggingSystem.bootstrap { label in makeHandler(label: label, level: level, destination: destination) }
        return destination
    }

    /// The handler for one destination.
    public static func makeHandler(label: String, level: Logger.Level, destination: LogDestination) -> any LogHandler {
        switch destination {
        case .journal: JournalLogHandler(label: label, level: level)
        case .stderr: StderrLogHandler(label: label, level: level)
        }
    }

    /// The destination for this process, from its environment, its stderr and the journal socket.
    public static func currentDestination() -> LogDestination {
        var status = stat()
        let stderrIdentity: (device: UInt64, inode: UInt64)? =
            fstat(2, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        var socket = stat()
        let socketPresent = stat(journalSocketPath, &socket) == 0 && (socket.st_mode & S_IFMT) == S_IFSOCK
        return destination(
            journalStream: environment("JOURNAL_STREAM"), invocationID: environment("INVOCATION_ID"),
            stderrIdentity: stderrIdentity, journalSocketPresent: socketPresent)
    }

    /// The journal when its socket exists and either stderr is the stream named by `JOURNAL_STREAM`
    /// (`device:inode`) or `INVOCATION_ID` is set (we run as a systemd unit); stderr otherwise.
    public static func destination(
        journalStream: String?, invocationID: String?,
        stderrIdentity: (device: UInt64, inode: UInt64)?, journalSocketPresent: Bool
    ) -> LogDestination {
        guard journalSocketPresent else { return .stderr }
        if let invocationID, !invocationID.isEmpty { return .journal }
        guard let journalStream, let identity = stderrIdentity else { return .stderr }
        let parts = journalStream.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return .stderr }
        return device == identity.device && inode == identity.inode ? .journal : .stderr
    }

    /// One environment variable, or `nil` when unset.
    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
