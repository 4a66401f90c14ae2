#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CLOCK_MONOTONIC and CLOCK_REALTIME readings: the one time source for latency, rates, deadlines and stamps.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary, fixed point.
    @inline(__always)
    public static func nanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Microseconds since the same point (systemd's `MONOTONIC_USEC`).
    public static func microseconds() -> UInt64 { nanos() / 1_000 }

    /// Wall-clock milliseconds since the Unix epoch.
    public static func epochMs() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }
}
