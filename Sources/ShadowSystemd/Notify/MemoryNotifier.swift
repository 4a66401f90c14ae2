import Synchronization

/// An in-memory `ServiceNotifier` that records what would have been sent, for tests of the daemon.
public final class MemoryNotifier: ServiceNotifier {
    /// The datagrams sent so far, each as the list of states it carried.
    private let log = Mutex<[[NotifyState]]>([])

    /// Whether `send` reports delivery, as if a supervisor were listening.
    public let isActive: Bool
    /// The watchdog interval this notifier reports.
    public let watchdogInterval: Duration?

    /// Creates a notifier that pretends a supervisor listens (or not) with the given watchdog interval.
    public init(isActive: Bool = true, watchdogInterval: Duration? = nil) {
        self.isActive = isActive
        self.watchdogInterval = watchdogInterval
    }

    /// Records the states; returns `isActive`.
    @discardableResult
    public func send(_ states: [NotifyState]) throws(NotifyError) -> Bool {
        log.withLock { $0.append(states) }
        return isActive
    }

    /// Every datagram recorded, oldest first.
    public var datagrams: [[NotifyState]] {
        log.withLock { $0 }
    }

    /// Every state recorded, flattened in order.
    public var states: [NotifyState] {
        log.withLock { $0.flatMap { $0 } }
    }

    /// The text of the most recent `STATUS=` sent, if any.
    public var lastStatus: String? {
        for state in states.reversed() {
            if case .status(let text) = state { return text }
        }
        return nil
    }
}
