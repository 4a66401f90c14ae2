#if canImport(Glibc)
import Glibc
#endif
import CShadowNet
import ShadowCore

extension HTTPEventLoop {
    /// Reads what the socket has and finishes the request once the response is whole, timed at the kernel's receive
    /// stamp of its last bytes (so the loop's own wake-up delay is not counted as the model's latency).
    func read(_ c: Int) {
        let fd = connections[c].fd
        var closed = false
        var arrived: UInt64 = 0
        while true {
            if connections[c].filled == connections[c].capacity, !connections[c].grow() {
                complete(c, error: .undecodable, close: true)
                return
            }
            let filled = connections[c].filled
            var stamp: UInt64 = 0
            let n = shadow_recv_stamped(fd, connections[c].buffer + filled, connections[c].capacity - filled, &stamp)
            if n > 0 {
                if stamp != 0 { arrived = stamp }
                connections[c].filled += n
                if connections[c].filled < connections[c].capacity { break }
                continue
            }
            if n == 0 {
                closed = true
                break
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            complete(c, error: SocketFailure.code(errno: errno), close: true)
            return
        }
        let progress = connections[c].parser.parse(connections[c].buffer, count: connections[c].filled,
                                                   closed: closed)
        switch progress {
        case .needMore:
            if closed {
                complete(c, error: connections[c].filled == 0 ? .reset : .reset, close: true)
            }
        case .malformed:
            complete(c, error: closed && connections[c].parser.headEnd < 0 ? .reset : .undecodable, close: true)
        case .complete(let start, let end):
            let status = connections[c].parser.status
            var error: ModelErrorCode?
            if status >= 200 && status < 300 {
                let body = UnsafeRawBufferPointer(start: connections[c].buffer + start, count: end - start)
                if !connections[c].batch!.decodeAnswer(connections[c].index, body: body) { error = .undecodable }
            } else {
                error = SocketFailure.code(status: status)
            }
            complete(c, error: error, close: closed || !connections[c].parser.keepAlive, arrived: arrived)
        }
    }

    /// Ends the connection's request with `error` (nil: answered) and returns the connection to the pool. Its latency
    /// runs from the write to `arrived` (the kernel's receive stamp of the answer) when there is one, else to now.
    func complete(_ c: Int, error: ModelErrorCode?, close shouldClose: Bool, arrived: UInt64 = 0) {
        guard let batch = connections[c].batch else { return }
        let end = arrived > connections[c].started ? arrived : MonotonicClock.nanos()
        let latency = end &- connections[c].started
        connections[c].batch = nil
        inFlight -= 1
        if shouldClose || connections[c].fd < 0 {
            close(c)
        } else {
            connections[c].state = .idle
        }
        idle.append(c)
        if batch.finish(connections[c].index, error: error, latency: latency) {
            batch.complete()
        }
    }

    /// Closes the connection's socket; it reconnects when next used.
    func close(_ c: Int) {
        let fd = connections[c].fd
        if fd >= 0 {
            shadow_ep_del(epoll, fd)
            Glibc.close(fd)
        }
        connections[c].fd = -1
        connections[c].state = .closed
        connections[c].wantsWrite = false
    }

    /// Fails requests past their deadline; their connections are closed (a late answer would be misread).
    func expire(now: UInt64) {
        for c in connections.indices where connections[c].batch != nil && connections[c].deadline <= now {
            complete(c, error: .timeout, close: true)
        }
    }

    /// Fails everything in flight or queued, closes the sockets and the loop's descriptors.
    func shutdown() {
        for c in connections.indices where connections[c].batch != nil { complete(c, error: .failed, close: true) }
        for c in connections.indices {
            close(c)
            connections[c].release()
        }
        let pending = inbox.withLock { box in
            let taken = box.batches
            box.batches.removeAll()
            return taken
        }
        for batch in queue[queueHead...] + pending { failAll(batch) }
        queue.removeAll()
        Glibc.close(epoll)
        Glibc.close(wake)
    }
}
