import CSystemd

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A notification that could not be delivered to the service manager.
public struct NotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why delivery failed; safe as a metric label.
    public enum Code: String, Sendable {
        /// `NOTIFY_SOCKET` is set but names neither an absolute path nor an abstract socket.
        case invalidSocket
        /// The datagram could not be sent (the socket is gone, full, or not permitted).
        case sendFailed
    }

    /// The bounded failure code.
    public let code: Code
    /// The `errno` value libsystemd reported.
    public let errno: Int32
    /// The state that was being sent, for the log line.
    public let message: String

    /// Creates an error from libsystemd's negative return value for the given datagram text.
    init(result: Int32, message: String) {
        self.errno = -result
        self.code = -result == EINVAL ? .invalidSocket : .sendFailed
        self.message = message
    }

    /// A one-line explanation naming the code, errno and the first assignment sent.
    public var description: String {
        let first = message.split(separator: "\n").first.map(String.init) ?? ""
        return "sd_notify \(code.rawValue): \(String(cString: strerror(errno))) (errno \(errno)) sending \(first)"
    }
}
