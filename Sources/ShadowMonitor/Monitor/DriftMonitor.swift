import FoundationEssentials
import Logging
import ShadowCore
import ShadowDrift
import ShadowRuntime
import ShadowSQLite
import ShadowSystemd

/// Drift monitoring of replays: a `ReplayObserver` that keeps one `RunMonitor` per run, writes each evaluated
/// window to the `drift` table, fired rules to `triggers` and the journal, runs the configured actions on tasks of
/// their own, and persists its state at window boundaries so a resumed run (daemon restart) continues.
public actor DriftMonitor: ReplayObserver {
    /// A monitor that cannot start (its profile cannot be read).
    public struct SetupError: Error, CustomStringConvertible {
        /// What went wrong, naming the file.
        public var description: String
    }

    private let plan: MonitorPlan
    private let compare: CompareSettings
    private let store: SQLiteStore
    private let logger: Logger
    private let outbox: MonitorOutbox
    private let runner: ActionRunner
    private let profile: ReferenceState?
    private var runs: [Int64: RunMonitor] = [:]
    private var pending: [Task<Void, Never>] = []

    /// A monitor for `settings.drift` writing to `store`; `logger` defaults to the journal under systemd (or when
    /// the journal socket exists and `INVOCATION_ID` is set), stderr otherwise.
    public init(settings: ShadowSettings, store: SQLiteStore, logger: Logger? = nil) throws {
        plan = MonitorPlan(settings.drift)
        compare = settings.compare
        self.store = store
        let logger = logger ?? Self.defaultLogger()
        self.logger = logger
        outbox = MonitorOutbox(store: store, logger: logger)
        runner = ActionRunner(actions: settings.drift.actions)
        if settings.drift.reference == .profile {
            guard let path = settings.drift.profile else { throw SetupError(description: "[drift] reference = \"profile\" needs profile") }
            profile = ReferenceState(profile: try Self.loadProfile(path))
        } else {
            profile = nil
        }
    }

    /// A logger for drift events on the destination this process would log to.
    public static func defaultLogger() -> Logger {
        let destination = ShadowLogging.currentDestination()
        return Logger(label: "shadowd.drift") { label in
            ShadowLogging.makeHandler(label: label, level: .info, destination: destination)
        }
    }

    /// Reads a baseline profile written by `shadowctl profile`.
    public static func loadProfile(_ path: String) throws -> FeatureProfile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SetupError(description: "\(path): cannot read the drift profile (\(error))")
        }
        do {
            return try JSONDecoder().decode(FeatureProfile.self, from: data)
        } catch {
            throw SetupError(description: "\(path): not a shadowd feature profile (\(error))")
        }
    }

    /// Feeds a committed batch to its run's monitor and hands what it produced to the store, journal and actions.
    public func observe(_ batch: ObservedBatch) async {
        var monitor = runs[batch.run] ?? restore(batch.run)
        let reports = monitor.observe(batch)
        let referenceCompleted = monitor.referenceCompleted
        monitor.referenceCompleted = false
        runs[batch.run] = monitor
        guard !reports.isEmpty || referenceCompleted else { return }
        let reference = plan.settings.reference.rawValue
        let run = batch.run
        if referenceCompleted, let json = Self.encode(monitor.reference) {
            outbox.enqueue { db in try MonitorRows.saveState(run: run, part: "reference", json: json, into: db) }
        }
        for report in reports {
            outbox.enqueue { db in try MonitorRows.insert(report, reference: reference, into: db) }
            for event in report.triggers { fire(event, champion: batch.models.first ?? "") }
        }
        if !reports.isEmpty, let json = Self.encode(monitor.state) {
            outbox.enqueue { db in try MonitorRows.saveState(run: run, part: "live", json: json, into: db) }
        }
    }

    /// Waits for running actions and queued writes (call before closing the store).
    public func finish() async {
        let tasks = pending
        pending = []
        for task in tasks { await task.value }
        await outbox.drain()
    }

    private func fire(_ event: TriggerEvent, champion: String) {
        var event = event
        if event.model.isEmpty { event.model = champion }
        MonitorJournal.log(event, to: logger)
        let row = event
        outbox.enqueue { db in try MonitorRows.insert(row, into: db) }
        guard !runner.matching(event.level).isEmpty else { return }
        let runner = self.runner, outbox = self.outbox, logger = self.logger
        pending.removeAll { $0.isCancelled }
        pending.append(Task.detached {
            let results = await runner.run(row)
            for failed in results where !failed.ok { MonitorJournal.logFailure(failed, of: row, to: logger) }
            outbox.enqueue { db in try MonitorRows.record(results, of: row, into: db) }
        })
    }

    /// The run's monitor from its persisted state, or a fresh one.
    private func restore(_ run: Int64) -> RunMonitor {
        let saved = try? store.write { db in
            (try MonitorRows.loadState(run: run, part: "live", from: db),
             try MonitorRows.loadState(run: run, part: "reference", from: db))
        }
        var state = saved?.0.flatMap { Self.decode(RunState.self, $0) }
        if let restored = state, restored.policy.rules != plan.rules {
            logger.notice("drift rules changed since the run's state was saved; trigger streaks start afresh",
                          metadata: ["run": "\(run)"])
            var fresh = restored
            fresh.policy = TriggerPolicy(rules: plan.rules)
            state = fresh
        }
        if let restored = state, restored.times.capacity != plan.settings.window { state = nil }
        let reference = profile ?? saved?.1.flatMap { Self.decode(ReferenceState.self, $0) }
        if state != nil { logger.info("drift monitor resumed its state", metadata: ["run": "\(run)"]) }
        return RunMonitor(run: run, plan: plan, compare: compare, state: state, reference: reference)
    }

    static func encode<T: Encodable>(_ value: T) -> String? {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                        nan: "nan")
        return try? decoder.decode(type, from: Data(json.utf8))
    }
}
