import ShadowConfig
import ShadowCore
import ShadowFiles
import ShadowSQLite

/// A replay paced by a load profile (`[load] profile` other than `none`): the files in order as one run, each
/// record sent to every model at its intended instant. The unpaced `ReplayEngine` is untouched by it.
public struct LoadReplay: Sendable {
    public let settings: ShadowSettings
    public let load: LoadSettings
    public let modelSet: ModelSet
    public let store: any ReplayStore
    public let observers: [any ReplayObserver]

    /// A paced replay of `modelSet` into `store` under `load`.
    public init(settings: ShadowSettings, load: LoadSettings, modelSet: ModelSet, store: any ReplayStore,
                observers: [any ReplayObserver] = []) {
        self.settings = settings
        self.load = load
        self.modelSet = modelSet
        self.store = store
        self.observers = observers
    }

    /// Replays `inputs` as one run; returns its summary and the load report (the caller stores the report).
    public func run(inputs: [String], configPath: String,
                    progress: @escaping @Sendable (ReplayProgress) -> Void = { _ in }) async throws
        -> (summary: RunSummary, report: LoadReport) {
        var readers: [TrafficReader] = []
        var total: Int64 = 0
        for path in inputs {
            do {
                readers.append(try TrafficReader(path: path, settings: settings.source, schema: modelSet.schema))
            } catch {
                throw ReplayEngine.ReplayError(description: "\(error)")
            }
            total += FileBytes.size(path) ?? 0
        }
        let info = RunInfo(startedAtMs: MonotonicClock.epochMs(), configPath: configPath, inputs: inputs,
                           models: modelSet.infos)
        var manifest = modelSet.scenarioManifest(configPath: configPath, inputs: inputs)
            ?? ManifestCapture.manifest(for: info)
        manifest.profile = load.describe
        var withManifest = info
        withManifest.manifest = manifest
        let run = try store.beginRun(withManifest)
        let usage = ProcessUsageWindow(modelSet.models)
        var connections: [String: Int] = [:]
        for model in settings.models { if let http = model.http { connections[model.name] = http.connections } }
        var scheduler = LoadScheduler(settings: load, models: modelSet, store: store, observers: observers, run: run,
                                      connections: connections)
        let started = MonotonicClock.nanos()
        func elapsed() -> Double { Double(MonotonicClock.nanos() &- started) / 1e9 }
        var bytesBefore: Int64 = 0
        var lastReport: UInt64 = 0
        do {
            for (path, reader) in zip(inputs, readers) {
                try await scheduler.replay(reader, batchSize: settings.replay.batchSize) { tally in
                    let now = MonotonicClock.nanos()
                    guard now &- lastReport > 100_000_000 else { return }
                    lastReport = now
                    var p = tally.progress
                    p.bytesTotal = total
                    p.bytesDone = bytesBefore + reader.position.offset
                    p.elapsedSeconds = elapsed()
                    progress(p)
                }
                bytesBefore += FileBytes.size(path) ?? 0
            }
        } catch {
            let seconds = elapsed()
            try? store.failRun(run, summary: scheduler.tally.summary(run: run, seconds: seconds),
                               latency: scheduler.tally.latencyRows(seconds: seconds))
            throw error
        }
        let seconds = elapsed()
        var summary = scheduler.tally.summary(run: run, seconds: seconds)
        summary.addProcessUsage(usage)
        try store.finishRun(run, summary: summary, latency: scheduler.tally.latencyRows(seconds: seconds))
        var done = scheduler.tally.progress
        done.bytesTotal = total
        done.bytesDone = total
        done.elapsedSeconds = seconds
        done.finished = true
        progress(done)
        return (summary, scheduler.report())
    }
}
