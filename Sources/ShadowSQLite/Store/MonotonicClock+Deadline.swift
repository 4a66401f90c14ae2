#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in nanoseconds, and its conversion to the `timespec` the writer's condition variable expects.
import ShadowCore

extension MonotonicClock {
    static var nanoseconds: UInt64 { nanos() }

    /// An absolute deadline for `pthread_cond_timedwait` (monotonic on Linux, wall clock elsewhere).
    static func absoluteTime(_ deadline: UInt64) -> timespec {
        #if os(Linux)
        let target = deadline
        #else
        var wall = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        let wallNow = UInt64(wall.tv_sec) &* 1_000_000_000 &+ UInt64(wall.tv_nsec)
        let target = wallNow &+ (deadline > nanoseconds ? deadline - nanoseconds : 0)
        #endif
        return timespec(tv_sec: Int(target / 1_000_000_000), tv_nsec: Int(target % 1_000_000_000))
    }
}
