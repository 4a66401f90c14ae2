#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads `CLOCK_MONOTONIC`, the clock systemd compares `MONOTONIC_USEC=` against.
enum MonotonicClock {
    /// The current monotonic time in microseconds.
    static func microseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
