import ShadowCore

/// Waits for a monotonic instant: sleeps while it is far, then yields until it comes, so requests leave within
/// tens of microseconds of their intended instant without holding a thread for whole gaps.
enum PreciseWait {
    /// Below this much time left, yield instead of sleeping (a sleep can overshoot by about this much).
    static let spinNanos: UInt64 = 250_000

    /// Longest single sleep, so that a long wait still calls its heartbeat (a daemon's watchdog).
    static let heartbeatNanos: UInt64 = 100_000_000

    /// Returns at `deadline` or just after it, calling `heartbeat` at least every 100 ms of a long wait.
    static func until(_ deadline: UInt64, heartbeat: () -> Void = {}) async {
        while true {
            let now = MonotonicClock.nanos()
            if now >= deadline { return }
            let left = deadline - now
            if left > spinNanos {
                if left - spinNanos > heartbeatNanos {
                    try? await Task.sleep(nanoseconds: heartbeatNanos)
                    heartbeat()
                    continue
                }
                try? await Task.sleep(nanoseconds: left - spinNanos)
            } else {
                await Task.yield()
            }
        }
    }

    /// A short pause while waiting for answers (in-flight cap, closed loop, end of run).
    static func pause(nanoseconds: UInt64 = 20_000) async {
        try? await Task.sleep(nanoseconds: nanoseconds)
    }
}
