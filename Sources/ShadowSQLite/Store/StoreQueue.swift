#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// The hand-off between callers and the writer thread: pending jobs, progress and the sticky failure.
///
/// Guarded by one pthread mutex with two condition variables (work for the writer, progress for waiters).
/// Callers only ever wait here for `flush`-style calls, never in `enqueue`.
final class StoreQueue: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let workAvailable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let progress = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private var pending: [(sequence: UInt64, job: StoreJob)] = []
    private var lastEnqueued: UInt64 = 0
    /// Rows ever enqueued; with `statistics.rowsCommitted` it gives the rows queued or being written.
    private var enqueuedRows = 0
    /// How far the writer may fall behind before `enqueue` waits (about 16 MB of rows with 1 KB of features).
    static let maxUncommittedRows = 16_384
    private var lastCommitted: UInt64 = 0
    private var failure: SQLiteStoreError?
    private var stopping = false
    private var writerWaiting = false
    private var statistics = StoreStatistics()
    private let path: String

    init(path: String) {
        self.path = path
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(workAvailable, &attributes)
        pthread_cond_init(progress, nil)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(workAvailable)
        pthread_cond_destroy(progress)
        pthread_mutex_destroy(mutex)
        workAvailable.deallocate()
        progress.deallocate()
        mutex.deallocate()
    }

    // MARK: Callers

    /// Queues a job without waiting for disk; throws the writer's failure or `closed`. Returns its sequence.
    @discardableResult
    func enqueue(_ job: StoreJob) throws(SQLiteStoreError) -> UInt64 {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        // Bounded memory: when the writer is this far behind (the disk is slower than the pipeline), callers wait
        // for it; below that, enqueueing never waits.
        while enqueuedRows - statistics.rowsCommitted > Self.maxUncommittedRows && failure == nil && !stopping {
            pthread_cond_wait(progress, mutex)
        }
        if let failure { throw failure }
        if stopping { throw .closed(path: path) }
        enqueuedRows += job.rowCount
        lastEnqueued += 1
        pending.append((lastEnqueued, job))
        statistics.queuedRows += job.rowCount
        if writerWaiting { pthread_cond_signal(workAvailable) }
        return lastEnqueued
    }

    /// Waits until the job with `sequence` is committed; throws the failure that stopped the writer first.
    func waitUntilCommitted(_ sequence: UInt64) throws(SQLiteStoreError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while lastCommitted < sequence {
            if let failure { throw failure }
            pthread_cond_wait(progress, mutex)
        }
    }

    /// The failure that stopped the writer, if any.
    var currentFailure: SQLiteStoreError? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return failure
    }

    /// A snapshot of the counters.
    var currentStatistics: StoreStatistics {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return statistics
    }

    /// Asks the writer to finish the queued work and exit; later `enqueue` calls throw `closed`.
    /// Returns true for the first call only.
    func stop() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if stopping { return false }
        stopping = true
        pthread_cond_signal(workAvailable)
        return true
    }

    // MARK: Writer

    /// Takes every pending job, waiting for one until `deadline` (monotonic nanoseconds; nil: no limit).
    /// Returns no jobs when the deadline passed or the queue is stopping and empty.
    func take(until deadline: UInt64?, into jobs: inout [(sequence: UInt64, job: StoreJob)]) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while pending.isEmpty && !stopping {
            writerWaiting = true
            if let deadline {
                if MonotonicClock.nanoseconds >= deadline { break }
                var limit = MonotonicClock.absoluteTime(deadline)
                pthread_cond_timedwait(workAvailable, mutex, &limit)
            } else {
                pthread_cond_wait(workAvailable, mutex)
            }
        }
        writerWaiting = false
        swap(&jobs, &pending)
        statistics.queuedRows = 0
        return stopping
    }

    /// Counts a committed transaction of `rows` rows and releases callers waiting for jobs up to `sequence`.
    func markCommitted(through sequence: UInt64, rows: Int) {
        pthread_mutex_lock(mutex)
        statistics.transactions += 1
        statistics.rowsCommitted += rows
        if sequence > lastCommitted {
            lastCommitted = sequence
            pthread_cond_broadcast(progress)
        }
        pthread_mutex_unlock(mutex)
    }

    /// Records the writer's failure, drops what is pending and wakes every waiter.
    func fail(_ error: SQLiteStoreError) {
        pthread_mutex_lock(mutex)
        if failure == nil { failure = error }
        pending.removeAll()
        pthread_cond_broadcast(progress)
        pthread_mutex_unlock(mutex)
    }
}
