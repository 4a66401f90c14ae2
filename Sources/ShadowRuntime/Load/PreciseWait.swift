#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

/// Waits for a monotonic instant on the paced scheduler's own thread (`PacingThread`): blocks on an absolute,
/// nanosecond-slack kernel timer and spins only the final microseconds, so requests leave within tens of microseconds
/// of their intended instant without burning a core.
enum PreciseWait {
    /// Longest single block, so that a long wait still calls its heartbeat (a daemon's watchdog).
    static let heartbeatNanos: UInt64 = 100_000_000

    /// Returns at `deadline` or just after it, calling `heartbeat` at least every 100 ms of a long wait. Blocks the
    /// calling thread: call it only on a `PacingThread`.
    static func until(_ deadline: UInt64, heartbeat: () -> Void = {}) {
        while true {
            let now = MonotonicClock.nanos()
            if now >= deadline { return }
            if deadline - now <= heartbeatNanos {
                block(until: deadline)
                return
            }
            block(until: now + heartbeatNanos)
            heartbeat()
        }
    }

    /// How long before the instant the kernel timer wakes the thread, which then spins on the clock: a timed wake
    /// itself takes about this long on a virtual machine.
    static let spinNanos: UInt64 = 30_000

    /// Blocks the calling thread until the monotonic instant `deadline`: on the kernel timer until `spinNanos` before
    /// it, then spinning. (`PacingThread` sets its timer slack to 1 ns; the default 50 µs would let the kernel wake
    /// it that much late.)
    static func block(until deadline: UInt64) {
        if deadline > MonotonicClock.nanos() + spinNanos {
            let wake = deadline - spinNanos
            var at = timespec(tv_sec: Int(wake / 1_000_000_000), tv_nsec: Int(wake % 1_000_000_000))
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, nil) == EINTR {}
        }
        while MonotonicClock.nanos() < deadline {}
    }

    /// A short pause while waiting for answers (in-flight cap, closed loop, end of run).
    static func pause(nanoseconds: UInt64 = 20_000) async {
        try? await Task.sleep(nanoseconds: nanoseconds)
    }
}
