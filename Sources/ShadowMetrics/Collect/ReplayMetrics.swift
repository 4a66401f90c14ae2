import ShadowRuntime
import Synchronization

/// Counts every committed batch of every replay it observes, and reports the totals at each scrape.
///
/// `observe` runs on the replay's commit path: it adds the batch under a lock (a few nanoseconds per record
/// and model) and never waits on the scraper for longer than a copy of the counters.
public final class ReplayMetrics: ReplayObserver, MetricsCollector {
    private let counters = Mutex(ReplayCounters())

    /// Starts with nothing counted.
    public init() {}

    /// Adds one committed batch.
    public func observe(_ batch: ObservedBatch) async {
        add(batch)
    }

    /// Adds one committed batch (the synchronous body of `observe`).
    public func add(_ batch: ObservedBatch) {
        counters.withLock { $0.add(batch) }
    }

    /// A copy of the totals.
    public var snapshot: ReplayCounters { counters.withLock { $0 } }

    /// The totals as families (see `ReplayCounters.families(nowMs:)`).
    public func collect(nowMs: Double) -> [MetricFamily] {
        snapshot.families(nowMs: nowMs)
    }
}
