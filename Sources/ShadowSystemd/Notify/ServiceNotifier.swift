import ShadowCore
/// Reports a service's lifecycle to its supervisor; `SystemdNotifier` is the real one, `MemoryNotifier` its twin.
public protocol ServiceNotifier: Sendable {
    /// Whether a supervisor listens for notifications (under systemd: `NOTIFY_SOCKET` is set).
    var isActive: Bool { get }
    /// How often to ping the watchdog (half the supervisor's timeout), or `nil` when no watchdog watches us.
    var watchdogInterval: Duration? { get }
    /// Sends the states in one datagram; returns `false` when no supervisor listens.
    @discardableResult
    func send(_ states: [NotifyState]) throws(NotifyError) -> Bool
}

extension ServiceNotifier {
    /// Reports that startup or a reload finished, optionally with a new status line.
    @discardableResult
    public func ready(status: String? = nil) throws(NotifyError) -> Bool {
        try send(status.map { [.ready, .status($0)] } ?? [.ready])
    }

    /// Reports that a configuration reload began, stamped with the current monotonic time.
    @discardableResult
    public func reloading(status: String? = nil) throws(NotifyError) -> Bool {
        let state = NotifyState.reloading(monotonicMicroseconds: MonotonicClock.microseconds())
        return try send(status.map { [state, .status($0)] } ?? [state])
    }

    /// Reports that shutdown began, optionally with a status line saying what is being drained.
    @discardableResult
    public func stopping(status: String? = nil) throws(NotifyError) -> Bool {
        try send(status.map { [.stopping, .status($0)] } ?? [.stopping])
    }

    /// Replaces the one-line status shown by `systemctl status`.
    @discardableResult
    public func status(_ text: String) throws(NotifyError) -> Bool {
        try send([.status(text)])
    }

    /// Tells the watchdog the service is alive; call every `watchdogInterval` from the loop doing the work.
    @discardableResult
    public func watchdogPing() throws(NotifyError) -> Bool {
        try send([.watchdog])
    }

    /// Asks for more time for the current start, reload or stop phase.
    @discardableResult
    public func extendTimeout(by duration: Duration) throws(NotifyError) -> Bool {
        let (seconds, attoseconds) = duration.components
        let usec = UInt64(max(0, seconds)) * 1_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000_000)
        return try send([.extendTimeout(microseconds: usec)])
    }
}
