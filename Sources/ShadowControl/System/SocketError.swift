#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A failed system call on a socket or descriptor: the call's name and its errno.
struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    var operation: String
    var errno: Int32

    /// The system's text for the error number, e.g. "Connection refused".
    var reason: String { String(cString: strerror(errno)) }

    var description: String { "\(operation): \(reason)" }
}
