#if canImport(Glibc)
import Glibc
#endif
import ShadowCore
import Testing
@testable import ShadowRuntime

/// The paced scheduler's clock: its task runs on a thread of its own and never leaves before an instant.
@Suite struct PreciseWaitTests {
    @Test func theSchedulerRunsOnItsOwnThreadAndNeverEarly() async {
        let pacing = PacingThread()
        defer { pacing.stop() }
        let pool = pthread_self()
        let (early, onPool, beats) = await withTaskExecutorPreference(pacing) { () -> (Int, Bool, Int) in
            var early = 0
            for k in 1...40 {
                let deadline = MonotonicClock.nanos() + UInt64(k) * 50_000
                PreciseWait.until(deadline)
                if MonotonicClock.nanos() < deadline { early += 1 }
            }
            var beats = 0
            PreciseWait.until(MonotonicClock.nanos() + 250_000_000) { beats += 1 }
            return (early, pthread_equal(pthread_self(), pool) != 0, beats)
        }
        #expect(early == 0)
        #expect(!onPool)
        #expect(beats == 2)  // a 250 ms wait calls its heartbeat at 100 and 200 ms
    }
}
