import CShadowSys
import ShadowCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The Prometheus endpoint: a small HTTP/1.1 server on a loopback TCP address answering `GET /metrics`.
///
/// One thread runs an event loop over non-blocking sockets (poll(2)), so no client — slow, idle or flooding —
/// can hold more than one of `maxConnections` slots for longer than its deadlines, and none can block the
/// daemon: scrapes only copy counters under a lock. Every response closes its connection.
public final class MetricsServer: Sendable {
    /// Bounds on what clients may use.
    public struct Limits: Sendable {
        /// Connections served at once; more are answered 503 and closed.
        public var maxConnections = 16
        /// Longest request head (request line and headers); longer ones get 431.
        public var requestHeadBytes = 8192
        /// Time from accept to a complete request head; later ones get 408 (or are closed when idle).
        public var requestTimeoutNanos: UInt64 = 5_000_000_000
        /// Time to send the whole response.
        public var responseTimeoutNanos: UInt64 = 10_000_000_000
        /// Time to wait for the client to close after the response (then the socket is closed anyway).
        public var lingerNanos: UInt64 = 1_000_000_000

        /// The defaults above.
        public init() {}
    }

    private struct Running: Sendable {
        var listener: Int32
        var wake: Int32
        var thread: ServerThread
        var bound: MetricsSettings.Address
    }

    private enum Phase: Sendable {
        case idle
        case running(Running)
        case stopped
    }

    /// The address asked for (port 0: any free port).
    public let address: MetricsSettings.Address
    let router: MetricsRouter
    let limits: Limits
    private let phase = Mutex(Phase.idle)
    let stopping = Atomic<Bool>(false)

    /// Describes a server on `address` answering with `registry`'s exposition text; nothing is bound before
    /// `start()`.
    public convenience init(address: MetricsSettings.Address, registry: MetricsRegistry, limits: Limits = Limits()) {
        self.init(address: address, router: MetricsRouter { registry.render(nowMs: MonotonicClock.epochMs()) },
                  limits: limits)
    }

    /// Describes a server on `address` answering through `router`.
    public init(address: MetricsSettings.Address, router: MetricsRouter, limits: Limits = Limits()) {
        self.address = address
        self.router = router
        self.limits = limits
    }

    /// Binds, listens and starts the event loop; returns the bound address (with the real port). Starts once.
    @discardableResult
    public func start() throws(MetricsServerError) -> MetricsSettings.Address {
        try phase.withLock { phase throws(MetricsServerError) in
            guard case .idle = phase else {
                throw MetricsServerError(.alreadyStarted, "the metrics server on \(address) was already started")
            }
            let (listener, bound) = try TCPListener.open(address)
            let wake = shadow_wake_create()
            guard wake >= 0 else {
                close(listener)
                throw MetricsServerError(.system, "cannot serve metrics on \(bound): eventfd: \(String(cString: strerror(errno)))")
            }
            switch ServerThread.spawn({ [self] in runLoop(listener: listener, wake: wake) }) {
            case .success(let thread):
                phase = .running(Running(listener: listener, wake: wake, thread: thread, bound: bound))
                return bound
            case .failure(let error):
                close(listener)
                close(wake)
                throw MetricsServerError(.system, "cannot serve metrics on \(bound): no thread: \(String(cString: strerror(error.code)))")
            }
        }
    }

    /// The bound address while running.
    public var boundAddress: MetricsSettings.Address? {
        phase.withLock { if case .running(let running) = $0 { running.bound } else { nil } }
    }

    /// Stops accepting, closes every connection and the socket, and waits for the loop to end. Idempotent.
    public func stop() {
        let running: Running? = phase.withLock { phase in
            defer { phase = .stopped }
            if case .running(let running) = phase { return running }
            return nil
        }
        guard let running else { return }
        stopping.store(true, ordering: .releasing)
        _ = shadow_wake_signal(running.wake)
        running.thread.join()
        close(running.listener)
        close(running.wake)
    }
}
