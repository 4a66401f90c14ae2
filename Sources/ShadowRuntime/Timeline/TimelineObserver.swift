import Dispatch
import ShadowCore
import ShadowSQLite
import Synchronization

/// The run timeline of every replay: a `ReplayObserver` that counts each committed batch into per-interval model
/// latency and shadow disagreement rows, per-feature value buckets and the top disagreements by |delta|, and writes
/// them to the `timeline`, `timeline_disagreements`, `feature_buckets` and `top_disagreements` tables.
///
/// `observe` only stamps the batch and queues it: the counting runs on a task of its own and the writes on a serial
/// queue outside the Swift concurrency pool (each inside `SQLiteStore.write`), so the replay never waits for them.
/// A run's open interval is written when the next one opens, when the run has been idle for two intervals (the
/// daemon's runs), and by `finish`.
public final class TimelineObserver: ReplayObserver {
    private enum Job: Sendable {
        case batch(ObservedBatch, nanos: UInt64, epochMs: Double)
        case tick
        case barrier(CheckedContinuation<Void, Never>)
        case finish(CheckedContinuation<Void, Never>)
    }

    private let continuation: AsyncStream<Job>.Continuation
    private let consumer: Task<Void, Never>
    private let ticker: Task<Void, Never>
    private let pending = PendingBatches()
    /// Batches queued before `observe` waits for the counting to catch up (bounds the memory they hold).
    static let maxPending = 8

    /// An observer writing to `store`; `report` hears the first write failure (later ones are dropped).
    public init(store: SQLiteStore, settings: TimelineSettings = .init(),
                report: @escaping @Sendable (String) -> Void = { _ in }) {
        let (stream, continuation) = AsyncStream<Job>.makeStream()
        self.continuation = continuation
        let writes = TimelineWrites(store: store, report: report)
        let pending = self.pending
        consumer = Task.detached {
            var runs: [Int64: RunTimeline] = [:]
            let idleNanos = UInt64(max(1, 2 * settings.intervalSeconds) * 1e9)
            for await job in stream {
                switch job {
                case let .batch(batch, nanos, epochMs):
                    if runs[batch.run] == nil {
                        let resumed = writes.resume(run: batch.run, features: batch.schema.names, settings: settings)
                        runs[batch.run] = RunTimeline(run: batch.run, settings: settings, features: batch.schema.names,
                                                      nextIndex: resumed.nextIndex, schemes: resumed.schemes,
                                                      top: resumed.top, rows: resumed.rows)
                    }
                    let rows = runs[batch.run]!.add(batch, nanos: nanos, epochMs: epochMs)
                    if !rows.isEmpty { writes.enqueue(rows) }
                    pending.count.subtract(1, ordering: .relaxed)
                case .tick:
                    let now = MonotonicClock.nanos()
                    for (run, timeline) in runs where now &- timeline.lastObservedNanos >= idleNanos {
                        var idle = timeline
                        writes.enqueue(idle.flush())
                        runs[run] = nil   // a later batch of the run resumes from the store
                    }
                case .barrier(let done):
                    done.resume()
                case .finish(let done):
                    for run in runs.keys.sorted() {
                        writes.enqueue(runs[run]!.flush())
                    }
                    runs = [:]
                    writes.barrier { done.resume() }
                }
            }
        }
        ticker = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                continuation.yield(.tick)
            }
        }
    }

    deinit {
        ticker.cancel()
        continuation.finish()
    }

    /// Stamps the batch with the wall clock and queues it for counting.
    public func observe(_ batch: ObservedBatch) async {
        continuation.yield(.batch(batch, nanos: MonotonicClock.nanos(), epochMs: MonotonicClock.epochMs()))
        if pending.count.add(1, ordering: .relaxed).newValue > Self.maxPending { await drain() }
    }

    /// Writes every run's open interval, bucket counts and top rows, and waits until they are committed (call
    /// before closing the store).
    public func finish() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            continuation.yield(.finish(done))
        }
    }

    /// Waits until the counting has caught up with every batch queued so far.
    private func drain() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            continuation.yield(.barrier(done))
        }
    }
}

/// Batches queued but not yet counted.
final class PendingBatches: Sendable {
    let count = Atomic<Int>(0)
}

/// The observer's writes, in order, on a serial dispatch queue (blocking there is fine; it is not the Swift pool).
final class TimelineWrites: Sendable {
    private let store: SQLiteStore
    private let queue = DispatchQueue(label: "shadowd.timeline")
    private let report: @Sendable (String) -> Void
    private let failed = Atomic<Bool>(false)

    init(store: SQLiteStore, report: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.report = report
    }

    func enqueue(_ rows: TimelineRows) {
        guard !rows.isEmpty else { return }
        queue.async { [self] in
            do {
                try store.write { db in try TimelineStorage.write(rows, into: db) }
            } catch {
                if !failed.exchange(true, ordering: .relaxed) { report("timeline could not write: \(error)") }
            }
        }
    }

    func barrier(_ body: @escaping @Sendable () -> Void) {
        queue.async(execute: body)
    }

    /// What the store holds of a run (nothing for a new run, or when it cannot be read).
    func resume(run: Int64, features: [String], settings: TimelineSettings)
        -> (nextIndex: Int, schemes: [FeatureScheme]?, top: [(row: DisagreementRow, seq: Int64)], rows: Int64)
    {
        queue.sync {
            (try? store.write { db in
                try TimelineStorage.resume(run: run, features: features, settings: settings, from: db)
            }) ?? (0, nil, [], 0)
        }
    }
}
