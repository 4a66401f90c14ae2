#if canImport(Glibc)
import Glibc
#endif
import CShadowNet
import ShadowCore
import Synchronization

/// A single-threaded epoll HTTP/1.1 server answering model requests as `ScriptedServerOptions` script it.
public final class ScriptedServer: @unchecked Sendable {
    struct Connection {
        var fd: Int32
        var id: UInt64
        var input: [UInt8] = []
        var output: [UInt8] = []
        var served = 0
        var closing = false
    }

    /// A response waiting for its scripted latency.
    struct Delayed {
        var due: UInt64
        var connection: UInt64
        var action: Action
    }

    enum Action { case send([UInt8], close: Bool), reset }

    let options: ScriptedServerOptions
    let epoll: Int32
    let listener: Int32
    let wake: Int32
    let stopping = Mutex(false)
    /// The port it listens on.
    public let port: Int
    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 1
    var delayed: [Delayed] = []
    var requests = 0
    let instantResponse: [UInt8]

    /// Binds the listening socket (the port is known on return); `run` serves.
    public init(options: ScriptedServerOptions) throws {
        self.options = options
        var bound: Int32 = 0
        listener = shadow_tcp_listen(options.host, Int32(options.port), 1024, &bound)
        guard listener >= 0 else {
            throw ScriptedServerOptions.UsageError(description: "cannot listen on \(options.host):\(options.port): "
                + String(cString: strerror(errno)))
        }
        port = Int(bound)
        epoll = shadow_ep_create()
        shadow_ep_add(epoll, listener, UInt32(SHADOW_EP_IN), 0)
        wake = shadow_event_create()
        shadow_ep_add(epoll, wake, UInt32(SHADOW_EP_IN), UInt64.max)
        let body = Array(#"{"predictions":[0.5]}"#.utf8)
        instantResponse = Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Serves until `stop` is called, on the calling thread.
    public func run() {
        var events = [shadow_ep_event](repeating: shadow_ep_event(), count: 256)
        while !stopping.withLock({ $0 }) {
            let n = events.withUnsafeMutableBufferPointer { shadow_ep_wait(epoll, $0.baseAddress, 256, timeoutMs()) }
            for i in 0..<max(0, Int(n)) {
                let tag = events[i].tag
                if tag == UInt64.max {
                    shadow_event_drain(wake)
                } else if tag == 0 {
                    accept()
                } else {
                    if events[i].events & UInt32(SHADOW_EP_OUT) != 0 { flush(tag) }
                    if events[i].events & UInt32(SHADOW_EP_IN | SHADOW_EP_HUP | SHADOW_EP_ERR | SHADOW_EP_RDHUP) != 0 {
                        read(tag)
                    }
                }
            }
            fireTimers()
        }
        for id in Array(connections.keys) { drop(id) }
        close(listener)
        close(epoll)
        close(wake)
    }

    /// Makes `run` return (from any thread) after closing every connection.
    public func stop() {
        stopping.withLock { $0 = true }
        shadow_event_signal(wake)
    }

    /// Serves on a thread of its own; returns once it runs.
    public func start() {
        let box = Unmanaged.passRetained(self)
        var thread = pthread_t()
        pthread_create(&thread, nil, { raw in
            let server = Unmanaged<ScriptedServer>.fromOpaque(raw!).takeRetainedValue()
            server.run()
            return nil
        }, box.toOpaque())
        pthread_detach(thread)
    }

    func timeoutMs() -> Int32 {
        guard let due = delayed.map(\.due).min() else { return -1 }
        let now = MonotonicClock.nanos()
        return due <= now ? 0 : Int32(min((due - now + 999_999) / 1_000_000, 1000))
    }

    func accept() {
        while true {
            let fd = shadow_tcp_accept(listener)
            if fd < 0 { return }
            let id = nextID
            nextID += 1
            connections[id] = Connection(fd: fd, id: id)
            shadow_ep_add(epoll, fd, UInt32(SHADOW_EP_IN | SHADOW_EP_RDHUP), id)
        }
    }

    func read(_ id: UInt64) {
        guard var c = connections[id] else { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(c.fd, $0.baseAddress, $0.count) }
            if n > 0 {
                c.input += chunk[0..<n]
                if n < chunk.count { break }
                continue
            }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { break }
            connections[id] = c
            drop(id)
            return
        }
        connections[id] = c
        serveBuffered(id)
    }

    /// Answers every whole request in the connection's input.
    func serveBuffered(_ id: UInt64) {
        while var c = connections[id], !c.closing, let request = HTTPRequestHead.parse(c.input) {
            guard c.input.count >= request.headLength + request.bodyLength else { return }
            let body = Array(c.input[request.headLength..<(request.headLength + request.bodyLength)])
            c.input.removeFirst(request.headLength + request.bodyLength)
            c.served += 1
            let close = request.close || (options.closeAfter > 0 && c.served >= options.closeAfter)
            if close { c.closing = true }
            connections[id] = c
            requests += 1
            if options.instant {
                send(id, instantResponse, close: close)
                continue
            }
            let action = answer(number: requests, path: request.path, body: body, close: close)
            let delay = delayNanos(number: requests)
            if delay == 0 {
                perform(id, action)
            } else {
                delayed.append(Delayed(due: MonotonicClock.nanos() &+ delay, connection: id, action: action))
            }
        }
    }

    func fireTimers() {
        guard !delayed.isEmpty else { return }
        let now = MonotonicClock.nanos()
        var due: [Delayed] = []
        delayed.removeAll { item in
            if item.due <= now { due.append(item); return true }
            return false
        }
        for item in due.sorted(by: { $0.due < $1.due }) { perform(item.connection, item.action) }
    }

    func perform(_ id: UInt64, _ action: Action) {
        switch action {
        case .send(let bytes, let close): send(id, bytes, close: close)
        case .reset:
            guard let c = connections[id] else { return }
            shadow_ep_del(epoll, c.fd)
            shadow_close_reset(c.fd)
            connections[id] = nil
        }
    }

    func send(_ id: UInt64, _ bytes: [UInt8], close: Bool) {
        guard var c = connections[id] else { return }
        c.output += bytes
        if close { c.closing = true }
        connections[id] = c
        flush(id)
    }

    func flush(_ id: UInt64) {
        guard var c = connections[id] else { return }
        while !c.output.isEmpty {
            let n = c.output.withUnsafeBytes { shadow_send(c.fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EAGAIN {
                    shadow_ep_mod(epoll, c.fd, UInt32(SHADOW_EP_IN | SHADOW_EP_OUT | SHADOW_EP_RDHUP), id)
                    connections[id] = c
                    return
                }
                connections[id] = c
                drop(id)
                return
            }
            c.output.removeFirst(n)
        }
        connections[id] = c
        shadow_ep_mod(epoll, c.fd, UInt32(SHADOW_EP_IN | SHADOW_EP_RDHUP), id)
        let pendingTimers = delayed.contains { $0.connection == id }
        if c.closing && !pendingTimers { drop(id) }
    }

    func drop(_ id: UInt64) {
        guard let c = connections[id] else { return }
        shadow_ep_del(epoll, c.fd)
        close(c.fd)
        connections[id] = nil
    }
}
