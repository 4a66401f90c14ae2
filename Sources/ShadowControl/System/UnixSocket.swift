import CShadowSys
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Small blocking helpers over AF_UNIX stream sockets shared by the server and the client.
enum UnixSocket {
    /// Connects a new close-on-exec socket to `path`; the caller owns the returned descriptor.
    static func connect(to path: String) throws(SocketError) -> Int32 {
        let fd = shadow_unix_stream_socket()
        guard fd >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        guard shadow_unix_connect(fd, path) == 0 else {
            let error = SocketError(operation: "connect", errno: errno)
            close(fd)
            throw error
        }
        return fd
    }

    /// Writes all of `bytes`, attaching `descriptor` (SCM_RIGHTS) to the first chunk when given.
    static func send(_ bytes: [UInt8], on fd: Int32, attaching descriptor: Int32? = nil) throws(SocketError) {
        var offset = 0
        var attach = descriptor
        while offset < bytes.count {
            let sent: Int = bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + offset
                let count = raw.count - offset
                if let attached = attach { return shadow_send_with_fd(fd, base, count, attached) }
                return Glibc.send(fd, base, count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw SocketError(operation: "send", errno: errno)
            }
            attach = nil
            offset += sent
        }
    }

    /// Polls `fds` for up to `milliseconds` (-1: forever), retrying on EINTR; returns the number ready (0 on timeout).
    static func poll(_ fds: inout [pollfd], milliseconds: Int32) throws(SocketError) -> Int {
        while true {
            let ready = fds.withUnsafeMutableBufferPointer { Glibc.poll($0.baseAddress, nfds_t($0.count), milliseconds) }
            if ready >= 0 { return Int(ready) }
            if errno != EINTR { throw SocketError(operation: "poll", errno: errno) }
        }
    }

    /// Milliseconds left until `deadline` for poll(2): -1 without a deadline, 0 once passed.
    static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }
}

extension pollfd {
    /// A poll entry for `fd` asking for `events` (POLLHUP and POLLERR are always reported).
    init(fd: Int32, events: Int32) {
        self.init(fd: fd, events: Int16(truncatingIfNeeded: events), revents: 0)
    }

    /// Whether any of `flags` came back in `revents`.
    func returned(_ flags: Int32) -> Bool { Int32(revents) & flags != 0 }
}
