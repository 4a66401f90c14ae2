#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One accepted client on the server's event loop: reads a request head (bounded in size and time), writes the
/// whole response without blocking, then closes gracefully (half-close, drain what the client still sends).
struct HTTPConnection {
    /// Where the exchange stands.
    enum Phase: Equatable {
        /// Waiting for the request head.
        case reading
        /// Sending the response.
        case writing
        /// Response sent and write side shut; discarding input until the client closes (or the linger ends).
        case draining
        /// Done; the loop closes the descriptor.
        case closed
    }

    let fd: Int32
    private(set) var phase = Phase.reading
    /// When the current phase gives up (monotonic nanoseconds).
    private(set) var deadline: UInt64
    private var input: [UInt8] = []
    private var output: [UInt8] = []
    private var written = 0

    init(fd: Int32, now: UInt64, limits: MetricsServer.Limits) {
        self.fd = fd
        deadline = now &+ limits.requestTimeoutNanos
    }

    /// The poll(2) events this connection waits for.
    var events: Int32 { phase == .writing ? Int32(POLLOUT) : Int32(POLLIN) }

    /// Handles readiness (`revents`) reported by poll.
    mutating func handle(revents: Int32, now: UInt64, router: MetricsRouter, limits: MetricsServer.Limits,
                         epochSeconds: () -> Int) {
        switch phase {
        case .reading:
            read(now: now, router: router, limits: limits, epochSeconds: epochSeconds)
        case .writing:
            if revents & Int32(POLLOUT | POLLERR | POLLHUP) != 0 { flush(now: now, limits: limits) }
        case .draining:
            drain()
        case .closed:
            break
        }
    }

    /// Ends a phase that ran past its deadline: a late request gets a 408 (best effort), the rest are closed.
    mutating func expire(now: UInt64, router: MetricsRouter, limits: MetricsServer.Limits, epochSeconds: () -> Int) {
        guard now >= deadline, phase != .closed else { return }
        if phase == .reading && !input.isEmpty {
            respond(router.respond(to: .needMore), now: now, limits: limits, epochSeconds: epochSeconds)
            if phase == .writing { phase = .closed }   // no more time for a client that reads slowly too
        } else {
            phase = .closed
        }
    }

    /// Sends a fixed response at once (best effort) and closes: for connections over the limit.
    static func refuse(fd: Int32, _ response: HTTPResponse, epochSeconds: Int) {
        let bytes = response.encoded(epochSeconds: epochSeconds)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))
    }

    private mutating func read(now: UInt64, router: MetricsRouter, limits: MetricsServer.Limits,
                               epochSeconds: () -> Int) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while phase == .reading {
            let room = min(buffer.count, limits.requestHeadBytes + 1 - input.count)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, room, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { phase = .closed }
                return
            }
            if n == 0 {   // the client closed before finishing its request
                phase = .closed
                return
            }
            input += buffer[..<n]
            // A head ends with a line feed: parse only when one arrived (a client sending a byte at a time costs
            // one scan per line, not one per byte).
            guard buffer[..<n].contains(0x0A) || input.count > limits.requestHeadBytes else { continue }
            let outcome = HTTPRequestParser.parse(input, limit: limits.requestHeadBytes)
            if outcome != .needMore {
                respond(router.respond(to: outcome), now: now, limits: limits, epochSeconds: epochSeconds)
            }
        }
    }

    private mutating func respond(_ response: HTTPResponse, now: UInt64, limits: MetricsServer.Limits,
                                  epochSeconds: () -> Int) {
        output = response.encoded(epochSeconds: epochSeconds())
        written = 0
        input = []
        phase = .writing
        deadline = now &+ limits.responseTimeoutNanos
        flush(now: now, limits: limits)
    }

    private mutating func flush(now: UInt64, limits: MetricsServer.Limits) {
        while written < output.count {
            let n = output.withUnsafeBytes { send(fd, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { phase = .closed }
                return
            }
            written += n
        }
        output = []
        shutdown(fd, Int32(SHUT_WR))
        phase = .draining
        deadline = min(deadline, now &+ limits.lingerNanos)
    }

    private mutating func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<16 {   // a client that keeps sending is read again on the next turn of the loop
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            phase = .closed   // end of stream or an error
            return
        }
    }
}
