import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Sends lifecycle notifications to systemd through libsystemd's `sd_notify`.
///
/// Every call reads `NOTIFY_SOCKET` afresh and leaves it set, so child processes of a
/// `NotifyAccess=main` service cannot impersonate it but the daemon can notify for its whole life.
public struct SystemdNotifier: ServiceNotifier {
    /// Creates a notifier; it holds no state, so copies are interchangeable.
    public init() {}

    /// Whether `NOTIFY_SOCKET` is set, that is, whether systemd (or a test) listens.
    public var isActive: Bool {
        guard let value = getenv("NOTIFY_SOCKET") else { return false }
        return value.pointee != 0
    }

    /// Half of `WATCHDOG_USEC` when the watchdog is enabled for this process, else `nil`.
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// Sends the states as one datagram through `sd_notify`; `false` when `NOTIFY_SOCKET` is unset.
    @discardableResult
    public func send(_ states: [NotifyState]) throws(NotifyError) -> Bool {
        let message = NotifyState.message(states)
        let result = sd_notify(0, message)
        if result < 0 { throw NotifyError(result: result, message: message) }
        return result > 0
    }
}
