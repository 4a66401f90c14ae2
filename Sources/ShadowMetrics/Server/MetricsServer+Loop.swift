import CShadowSys
import ShadowCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The event loop: poll the wake descriptor, the listener and every connection; accept, read, write, expire.
extension MetricsServer {
    func runLoop(listener: Int32, wake: Int32) {
        var connections: [HTTPConnection] = []
        var fds: [pollfd] = []
        let epochSeconds = { Int(MonotonicClock.epochMs() / 1000) }
        while !stopping.load(ordering: .acquiring) {
            fds.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
            for connection in connections {
                fds.append(pollfd(fd: connection.fd, events: Int16(truncatingIfNeeded: connection.events), revents: 0))
            }
            let polled = connections.count
            let timeout = Self.milliseconds(until: connections.map(\.deadline).min(), now: MonotonicClock.nanos())
            let ready = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), timeout) }
            if ready < 0 && errno != EINTR { usleep(10_000) }
            if fds[0].revents != 0 { shadow_wake_drain(wake) }
            if stopping.load(ordering: .acquiring) { break }
            let now = MonotonicClock.nanos()
            for index in 0..<polled where fds[index + 2].revents != 0 {
                connections[index].handle(revents: Int32(fds[index + 2].revents), now: now, router: router,
                                          limits: limits, epochSeconds: epochSeconds)
            }
            for index in connections.indices {
                connections[index].expire(now: now, router: router, limits: limits, epochSeconds: epochSeconds)
            }
            if fds[1].revents != 0 { accept(from: listener, into: &connections, now: now, epochSeconds: epochSeconds) }
            connections.removeAll { connection in
                guard connection.phase == .closed else { return false }
                close(connection.fd)
                return true
            }
        }
        for connection in connections { close(connection.fd) }
    }

    /// Accepts every pending client (up to a bound per turn); past `maxConnections` they get a 503.
    private func accept(from listener: Int32, into connections: inout [HTTPConnection], now: UInt64,
                        epochSeconds: () -> Int) {
        for _ in 0..<64 {
            let client = shadow_unix_accept(listener)   // accept4 with SOCK_CLOEXEC, retried on EINTR
            if client < 0 {
                if errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM { usleep(20_000) }
                return   // EAGAIN: nothing left to accept
            }
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            if connections.count >= limits.maxConnections {
                HTTPConnection.refuse(fd: client, .plain(.serviceUnavailable, "too many connections; retry later"),
                                      epochSeconds: epochSeconds())
                close(client)
                continue
            }
            var connection = HTTPConnection(fd: client, now: now, limits: limits)
            // Most requests are already there: answer at once rather than after another poll.
            connection.handle(revents: Int32(POLLIN), now: now, router: router, limits: limits,
                              epochSeconds: epochSeconds)
            connections.append(connection)
        }
    }

    /// poll(2)'s timeout until `deadline`: -1 without one, at least 1 ms otherwise (never a busy loop).
    static func milliseconds(until deadline: UInt64?, now: UInt64) -> Int32 {
        guard let deadline else { return -1 }
        guard deadline > now else { return 0 }
        return Int32(clamping: (deadline - now) / 1_000_000 + 1)
    }
}
