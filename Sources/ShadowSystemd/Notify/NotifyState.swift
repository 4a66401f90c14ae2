/// One assignment a service sends to its supervisor over the systemd notification protocol.
public enum NotifyState: Sendable, Equatable {
    /// Startup (or a reload) finished and the service is serving (`READY=1`).
    case ready
    /// A configuration reload began at the given `CLOCK_MONOTONIC` instant in microseconds
    /// (`RELOADING=1` plus `MONOTONIC_USEC=`, which `Type=notify-reload` requires on systemd ≥ 253).
    case reloading(monotonicMicroseconds: UInt64)
    /// Shutdown began (`STOPPING=1`).
    case stopping
    /// A one-line human-readable status shown by `systemctl status` (`STATUS=`).
    case status(String)
    /// A keep-alive ping for the service watchdog (`WATCHDOG=1`).
    case watchdog
    /// Asks the service manager to extend the current start, reload or stop timeout (`EXTEND_TIMEOUT_USEC=`).
    case extendTimeout(microseconds: UInt64)

    /// The `KEY=value` lines this state contributes to a notification datagram.
    public var assignments: [String] {
        switch self {
        case .ready: ["READY=1"]
        case .reloading(let usec): ["RELOADING=1", "MONOTONIC_USEC=\(usec)"]
        case .stopping: ["STOPPING=1"]
        case .status(let text): ["STATUS=" + Self.singleLine(text)]
        case .watchdog: ["WATCHDOG=1"]
        case .extendTimeout(let usec): ["EXTEND_TIMEOUT_USEC=\(usec)"]
        }
    }

    /// Joins the assignments of several states into the text of one datagram, in order.
    public static func message(_ states: [NotifyState]) -> String {
        states.flatMap(\.assignments).joined(separator: "\n")
    }

    /// Replaces line breaks and NULs, which would end the assignment early, with spaces.
    static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\0" ? " " : $0 })
    }
}
