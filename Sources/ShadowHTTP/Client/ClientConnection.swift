#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

/// One keep-alive connection of a pool and the request it carries. Touched only by the pool's loop thread.
struct ClientConnection {
    enum State { case closed, connecting, writing, reading, idle }

    var fd: Int32 = -1
    var state = State.closed
    /// The request in flight.
    var batch: HTTPRequestBatch?
    var index = 0
    var writeAt = 0
    var writeEnd = 0
    var started: UInt64 = 0
    var deadline: UInt64 = 0
    /// Whether EPOLLOUT is currently asked for.
    var wantsWrite = false
    /// Read buffer, reused across responses; grown when a response does not fit.
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var filled = 0
    var parser = ResponseParser()

    init(capacity: Int = 16 * 1024) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    /// Frees the read buffer (the connection must be closed).
    func release() { buffer.deallocate() }

    /// Doubles the read buffer; false past 64 MB.
    mutating func grow() -> Bool {
        guard capacity < 64 << 20 else { return false }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: buffer, count: filled)
        buffer.deallocate()
        buffer = bigger
        capacity *= 2
        return true
    }
}

/// Maps socket errno values to the bounded error classes.
enum SocketFailure {
    static func code(errno e: Int32) -> ModelErrorCode {
        switch e {
        case ECONNREFUSED: return .refused
        case ECONNRESET, EPIPE, ECONNABORTED: return .reset
        case ETIMEDOUT: return .timeout
        default: return .failed
        }
    }

    static func code(status: Int) -> ModelErrorCode {
        switch status {
        case 400..<500: return .http4xx
        case 500..<600: return .http5xx
        default: return .badStatus
        }
    }
}
