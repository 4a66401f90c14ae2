import Logging
import ShadowConfig
import ShadowCore
import ShadowMetrics
import ShadowMonitor
import ShadowRuntime
import ShadowSQLite
import ShadowSystemd
import Synchronization

/// What every part of the running daemon shares: the config and models in force, the store, the notifier,
/// the stop flag and the liveness of the work loops.
final class DaemonContext: Sendable {
    let configPath: String
    let store: SQLiteStore
    let notifier: SystemdNotifier
    let logger: Logger
    let startedNanos = MonotonicClock.nanos()
    private let current: Mutex<(settings: ShadowSettings, models: ModelSet, load: LoadSettings)>
    private let stopping = Atomic<Bool>(false)
    private let beats = Mutex<[String: UInt64]>([:])
    let jobs: JobRegistry
    /// Drift monitoring of every replay (`[drift] enabled = true` at startup), nil when off or its profile is unreadable.
    let monitor: DriftMonitor?
    /// The run timeline of every replay (intervals, feature buckets, top disagreements).
    let timeline: TimelineObserver
    /// Counts every committed batch for `/metrics` (`[metrics] listen` set at startup), nil when metrics are off.
    let metrics: ReplayMetrics?

    init(configPath: String, settings: ShadowSettings, models: ModelSet, load: LoadSettings = LoadSettings(),
         store: SQLiteStore, notifier: SystemdNotifier, logger: Logger) {
        self.configPath = configPath
        self.store = store
        self.notifier = notifier
        self.logger = logger
        current = Mutex((settings, models, load))
        jobs = JobRegistry()
        timeline = TimelineObserver(store: store) { [logger] message in logger.error("\(message)") }
        metrics = settings.metrics.address == nil ? nil : ReplayMetrics()
        do {
            monitor = settings.drift.enabled ? try DriftMonitor(settings: settings, store: store, logger: logger) : nil
        } catch {
            logger.error("drift monitoring is off", metadata: ["error": "\(error)"])
            monitor = nil
        }
    }

    var settings: ShadowSettings { current.withLock { $0.settings } }
    var models: ModelSet { current.withLock { $0.models } }
    /// The `[load]` profile in force; a job reads it once when it begins (a reload applies to the next job).
    var load: LoadSettings { current.withLock { $0.load } }
    /// The models and `[load]` settings read together (a paced job keeps both for its whole run).
    var pacing: (models: ModelSet, load: LoadSettings) { current.withLock { ($0.models, $0.load) } }

    /// Puts a new config, its models and its `[load]` settings in force; batches already running finish with the
    /// old models, and paced jobs already running keep their profile.
    func apply(settings: ShadowSettings, models: ModelSet, load: LoadSettings) {
        current.withLock { $0 = (settings, models, load) }
    }

    /// A replayer over the models in force at each batch.
    var replayer: SourceReplay {
        SourceReplay(store: store, settings: settings.replay,
                     observers: ([timeline, monitor, metrics] as [(any ReplayObserver)?]).compactMap { $0 },
                     currentModels: { [self] in models })
    }

    /// Set once SIGTERM arrives: loops stop taking new records and finish what is in flight.
    var isStopping: Bool { stopping.load(ordering: .acquiring) }
    func beginStopping() { stopping.store(true, ordering: .releasing) }

    /// Marks a work loop alive (called on every iteration and after every committed batch).
    func beat(_ loop: String) {
        let now = MonotonicClock.nanos()
        beats.withLock { $0[loop] = now }
    }

    /// Forgets a loop that ended normally.
    func retire(_ loop: String) {
        _ = beats.withLock { $0.removeValue(forKey: loop) }
    }

    /// The loops that have not beaten within `nanos`.
    func staleLoops(olderThan nanos: UInt64) -> [String] {
        let now = MonotonicClock.nanos()
        return beats.withLock { beats in beats.filter { now &- $0.value > nanos }.map(\.key).sorted() }
    }

    /// Sends a notification to systemd; a failure is logged, never fatal.
    func notify(_ send: (SystemdNotifier) throws -> Void) {
        do {
            try send(notifier)
        } catch {
            logger.warning("sd_notify failed", metadata: ["error": "\(error)"])
        }
    }

    var uptimeSeconds: Double { Double(MonotonicClock.nanos() &- startedNanos) / 1e9 }
}
