import CShadowSys
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An eventfd that wakes a thread blocked in poll(2); the descriptor lives as long as the last reference.
final class WakeSignal: Sendable {
    /// The descriptor to include in a poll set (readable once signalled, until drained).
    let fd: Int32

    /// Creates the eventfd; fails only when the process is out of descriptors.
    init() throws(SocketError) {
        let fd = shadow_wake_create()
        guard fd >= 0 else { throw SocketError(operation: "eventfd", errno: errno) }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    /// Makes the descriptor readable so a poll including it returns.
    func signal() { _ = shadow_wake_signal(fd) }

    /// Clears the signal before re-checking the state it announced.
    func drain() { shadow_wake_drain(fd) }
}
