#if canImport(Glibc)
import Glibc
#endif
import CShadowNet
import ShadowCore
import Synchronization

/// The thread behind one `HTTPClient`: an epoll loop over a fixed pool of keep-alive connections, taking requests
/// from submitted batches in order, one request in flight per connection.
final class HTTPEventLoop: @unchecked Sendable {
    static let wakeTag = UInt64.max

    let address: ResolvedAddress
    let timeoutNanos: UInt64
    let epoll: Int32
    let wake: Int32
    let inbox = Mutex<(batches: [HTTPRequestBatch], stopping: Bool)>(([], false))

    // Loop-thread state.
    var connections: [ClientConnection]
    var queue: [HTTPRequestBatch] = []
    var queueHead = 0
    var idle: [Int] = []
    var inFlight = 0

    init(address: ResolvedAddress, connections: Int, timeoutNanos: UInt64) throws(WireError) {
        self.address = address
        self.timeoutNanos = timeoutNanos
        epoll = shadow_ep_create()
        wake = shadow_event_create()
        guard epoll >= 0, wake >= 0 else { throw WireError("cannot create the client's event loop") }
        shadow_ep_add(epoll, wake, UInt32(SHADOW_EP_IN), Self.wakeTag)
        self.connections = (0..<connections).map { _ in ClientConnection() }
        idle = Array((0..<connections).reversed())
    }

    /// Hands a batch to the loop (any thread).
    func submit(_ batch: HTTPRequestBatch) {
        let accepted = inbox.withLock { box -> Bool in
            if box.stopping { return false }
            box.batches.append(batch)
            return true
        }
        if accepted {
            shadow_event_signal(wake)
        } else {
            failAll(batch)
        }
    }

    /// Asks the loop to end once; pending batches fail.
    func stop() {
        inbox.withLock { $0.stopping = true }
        shadow_event_signal(wake)
    }

    func failAll(_ batch: HTTPRequestBatch) {
        var done = false
        while batch.next < batch.count {
            done = batch.finish(batch.next, error: .failed, latency: 0)
            batch.next += 1
        }
        if done || batch.remaining == 0 { batch.complete() }
    }

    /// The thread body.
    func run() {
        var events = [shadow_ep_event](repeating: shadow_ep_event(), count: 256)
        while true {
            let timeout = nextTimeoutMs()
            let n = events.withUnsafeMutableBufferPointer { shadow_ep_wait(epoll, $0.baseAddress, 256, timeout) }
            for i in 0..<max(0, Int(n)) {
                let tag = events[i].tag
                if tag == Self.wakeTag {
                    shadow_event_drain(wake)
                    if !takeInbox() {
                        shutdown()
                        return
                    }
                    continue
                }
                handle(Int(tag), events: events[i].events)
            }
            if inFlight > 0 { expire(now: MonotonicClock.nanos()) }
            dispatch()
        }
    }

    /// Moves submitted batches into the loop's queue; false when stopping.
    func takeInbox() -> Bool {
        let (batches, stopping) = inbox.withLock { box in
            let taken = box.batches
            box.batches.removeAll(keepingCapacity: true)
            return (taken, box.stopping)
        }
        compactQueue()
        queue.append(contentsOf: batches)
        return !stopping
    }

    func nextTimeoutMs() -> Int32 {
        guard inFlight > 0 else { return -1 }
        var earliest = UInt64.max
        for c in connections where c.state != .idle && c.state != .closed { earliest = min(earliest, c.deadline) }
        let now = MonotonicClock.nanos()
        if earliest <= now { return 0 }
        return Int32(min((earliest - now + 999_999) / 1_000_000, 60_000))
    }

    /// Gives waiting requests to idle connections.
    func dispatch() {
        while !idle.isEmpty, queueHead < queue.count {
            let batch = queue[queueHead]
            let index = batch.next
            batch.next += 1
            if batch.next == batch.count { queueHead += 1 }
            let c = idle.removeLast()
            start(c, batch: batch, index: index)
        }
        compactQueue()
    }

    /// Drops dispatched batches from the queue's front, so finished batches are not kept alive while new ones
    /// keep arriving (the queue is rarely empty under steady load).
    func compactQueue() {
        if queueHead > 0 && queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        } else if queueHead >= 8 {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
    }

    func start(_ c: Int, batch: HTTPRequestBatch, index: Int) {
        let now = MonotonicClock.nanos()
        connections[c].batch = batch
        connections[c].index = index
        connections[c].writeAt = batch.offsets[index]
        connections[c].writeEnd = batch.offsets[index + 1]
        connections[c].started = now
        connections[c].deadline = now &+ timeoutNanos
        connections[c].filled = 0
        connections[c].parser.reset()
        inFlight += 1
        if connections[c].fd < 0 {
            let fd = address.connect()
            if fd < 0 {
                complete(c, error: SocketFailure.code(errno: errno), close: false)
                return
            }
            connections[c].fd = fd
            connections[c].state = .connecting
            connections[c].wantsWrite = true
            shadow_ep_add(epoll, fd, UInt32(SHADOW_EP_IN | SHADOW_EP_OUT | SHADOW_EP_RDHUP), UInt64(c))
            return
        }
        connections[c].state = .writing
        write(c)
    }

    func handle(_ c: Int, events: UInt32) {
        switch connections[c].state {
        case .closed: return
        case .idle:
            // The server closed (or wrote to) an idle connection: drop it; the next request reconnects.
            close(c)
            idle.append(c)
        case .connecting:
            let err = shadow_socket_error(connections[c].fd)
            if err != 0 {
                complete(c, error: SocketFailure.code(errno: err), close: true)
                return
            }
            connections[c].state = .writing
            write(c)
        case .writing:
            if events & UInt32(SHADOW_EP_OUT) != 0 { write(c) }
            if connections[c].state == .reading, events & UInt32(SHADOW_EP_IN | SHADOW_EP_HUP | SHADOW_EP_ERR) != 0 {
                read(c)
            }
        case .reading:
            read(c)
        }
    }

    func write(_ c: Int) {
        guard let batch = connections[c].batch else { return }
        let fd = connections[c].fd
        while connections[c].writeAt < connections[c].writeEnd {
            let at = connections[c].writeAt
            let n = batch.bytes.withUnsafeBytes { raw in
                shadow_send(fd, raw.baseAddress! + at, connections[c].writeEnd - at)
            }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    if !connections[c].wantsWrite {
                        connections[c].wantsWrite = true
                        shadow_ep_mod(epoll, fd, UInt32(SHADOW_EP_IN | SHADOW_EP_OUT | SHADOW_EP_RDHUP), UInt64(c))
                    }
                    return
                }
                if errno == EINTR { continue }
                complete(c, error: SocketFailure.code(errno: errno), close: true)
                return
            }
            connections[c].writeAt += n
        }
        connections[c].state = .reading
        if connections[c].wantsWrite {
            connections[c].wantsWrite = false
            shadow_ep_mod(epoll, fd, UInt32(SHADOW_EP_IN | SHADOW_EP_RDHUP), UInt64(c))
        }
    }
}
