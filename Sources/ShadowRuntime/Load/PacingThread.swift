#if canImport(Glibc)
import Glibc
#endif
import CShadowSys
import ShadowCore
import Synchronization

/// A thread of its own for a paced replay's scheduler, as a task executor: the scheduler's task runs here and may
/// block on the kernel timer until each intended instant, without holding one of the cooperative pool's threads
/// (two on a two-core machine) and without its wake-ups waiting for a pool thread to be free. Its child tasks (the
/// committer, embedded models) are started on the global executor.
final class PacingThread: TaskExecutor, @unchecked Sendable {
    private let state = Mutex<(jobs: [UnownedJob], stopping: Bool)>(([], false))
    private let wake: UnsafeMutablePointer<sem_t>

    /// Starts the thread.
    init() {
        wake = .allocate(capacity: 1)
        sem_init(wake, 0, 0)
        let started = DetachedThread.start { [self] in run() }
        precondition(started, "cannot start the pacing thread")
    }

    deinit {
        sem_destroy(wake)
        wake.deallocate()
    }

    /// Queues a job of a task that prefers this executor.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { $0.jobs.append(job) }
        sem_post(wake)
    }

    /// Lets the thread end once its queue is empty (after the scheduler's task has left it).
    func stop() {
        state.withLock { $0.stopping = true }
        sem_post(wake)
    }

    private func run() {
        _ = shadow_set_timer_slack(1)
        while true {
            while sem_wait(wake) != 0 {}
            let (job, stopping) = state.withLock { s -> (UnownedJob?, Bool) in
                (s.jobs.isEmpty ? nil : s.jobs.removeFirst(), s.stopping)
            }
            if let job {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if stopping {
                return
            }
        }
    }
}
