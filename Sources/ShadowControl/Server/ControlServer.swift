import CShadowSys
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The daemon's end of the control socket: accepts connections on an AF_UNIX stream socket and answers JSON-line
/// requests through a `ControlHandler`.
///
/// Accepting and reading happen on dedicated threads blocked in poll(2), one per connection, so a long `wait`
/// never holds a thread of the Swift cooperative pool; handler calls run as tasks. A client that hangs up while
/// waiting cancels its wait task and frees its thread at once.
public final class ControlServer: Sendable {
    /// The socket path.
    public let path: String
    /// The socket file's permission bits, applied after bind.
    public let mode: mode_t
    /// The group that owns the socket file, when it exists on this system.
    public let group: String?
    let handler: any ControlHandler
    let observer: (@Sendable (ControlExchange) -> Void)?

    /// The most connections served at once; more are answered with an `unavailable` error and closed.
    public static let maxConnections = 256

    struct Listener: Sendable {
        var fd: Int32
        var device: UInt64
        var inode: UInt64
        var wake: WakeSignal
        var thread: PosixThread
    }

    struct Registry: Sendable {
        var stopping = false
        var nextID = 0
        var wakes: [Int: WakeSignal] = [:]
    }

    enum Phase: Sendable {
        case idle
        case running(Listener)
        case stopped
    }

    let phase = Mutex<Phase>(.idle)
    let registry = Mutex(Registry())

    /// Describes a server for `path`; nothing touches the filesystem until `start()`. `observer`, when given, sees
    /// every answered request with the peer's credentials (called on the connection's thread: keep it quick).
    public init(path: String, mode: mode_t = 0o660, group: String?, handler: any ControlHandler,
                observer: (@Sendable (ControlExchange) -> Void)? = nil) {
        self.path = path
        self.mode = mode
        self.group = group
        self.handler = handler
        self.observer = observer
    }

    /// Creates the socket (replacing a stale socket file nobody listens on), applies mode and group, and starts
    /// accepting. Errors name the path. A server starts once.
    public func start() throws(ControlServerError) {
        try phase.withLock { phase throws(ControlServerError) in
            guard case .idle = phase else {
                throw ControlServerError(.alreadyStarted, path: path, "the control server for \(path) was already started")
            }
            let socket = try ControlSocketFile(path: path, mode: mode, group: group).create()
            do {
                let wake = try WakeSignal()
                let thread = try PosixThread.spawn(detached: false) { [self] in
                    acceptLoop(listener: socket.fd, wake: wake)
                }
                phase = .running(Listener(fd: socket.fd, device: socket.device, inode: socket.inode, wake: wake,
                                          thread: thread))
            } catch {
                close(socket.fd)
                unlink(path)
                throw ControlServerError(.system, path: path, "cannot serve the control socket \(path): \(error)")
            }
        }
    }

    /// Stops accepting, removes the socket file (if it is still this server's), ends idle connections, answers
    /// in-flight waits with `unavailable` (cancelling them) and lets other in-flight requests finish. Idempotent.
    public func stop() {
        let listener: Listener? = phase.withLock { phase in
            defer { phase = .stopped }
            if case .running(let listener) = phase { return listener }
            return nil
        }
        let wakes = registry.withLock { registry in
            registry.stopping = true
            return Array(registry.wakes.values)
        }
        for wake in wakes { wake.signal() }
        guard let listener else { return }
        listener.wake.signal()
        listener.thread.join()
        var info = stat()
        if lstat(path, &info) == 0, UInt64(info.st_dev) == listener.device, UInt64(info.st_ino) == listener.inode {
            unlink(path)
        }
        close(listener.fd)
    }

    /// How many client connections are open right now.
    public var connectionCount: Int { registry.withLock { $0.wakes.count } }

    /// Whether `stop()` has begun.
    var isStopping: Bool { registry.withLock { $0.stopping } }

    private func acceptLoop(listener: Int32, wake: WakeSignal) {
        var fds = [pollfd(fd: listener, events: POLLIN), pollfd(fd: wake.fd, events: POLLIN)]
        while !isStopping {
            guard (try? UnixSocket.poll(&fds, milliseconds: -1)) != nil else { return }
            if fds[1].returned(POLLIN) { wake.drain() }
            guard fds[0].returned(POLLIN | POLLERR | POLLHUP), !isStopping else { continue }
            let client = shadow_unix_accept(listener)
            if client < 0 {
                // EMFILE and friends: back off briefly instead of spinning on a readable listener.
                if errno != EAGAIN && errno != ECONNABORTED { usleep(50_000) }
                continue
            }
            serve(client)
        }
    }

    private func serve(_ client: Int32) {
        _ = shadow_set_send_timeout(client, 10_000)
        guard let wake = try? WakeSignal() else {
            close(client)
            return
        }
        let id: Int? = registry.withLock { registry in
            guard !registry.stopping, registry.wakes.count < Self.maxConnections else { return nil }
            registry.nextID += 1
            registry.wakes[registry.nextID] = wake
            return registry.nextID
        }
        guard let id else {
            let busy = ControlReply.failure(ControlError(.unavailable, isStopping
                ? "shadowd is stopping" : "shadowd is serving \(Self.maxConnections) control connections; retry later"))
            try? UnixSocket.send(busy.encodedLine(), on: client)
            close(client)
            return
        }
        let spawned = try? PosixThread.spawn(detached: true) { [self] in
            var connection = ControlConnection(fd: client, wake: wake, server: self)
            connection.run()
            close(client)
            _ = registry.withLock { $0.wakes.removeValue(forKey: id) }
        }
        if spawned == nil {
            _ = registry.withLock { $0.wakes.removeValue(forKey: id) }
            close(client)
        }
    }
}
