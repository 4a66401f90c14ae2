import ShadowCore
import ShadowFiles

/// Runs a replay of a list of files as one run: reads them in order, fans each batch out to every model,
/// compares, and stores the results (`shadowctl replay --local`).
public struct ReplayEngine: Sendable {
    public let settings: ShadowSettings
    public let modelSet: ModelSet
    public let store: any ReplayStore
    /// See each committed batch (drift monitoring).
    public let observers: [any ReplayObserver]

    public init(settings: ShadowSettings, modelSet: ModelSet, store: any ReplayStore,
                observers: [any ReplayObserver] = []) {
        self.settings = settings
        self.modelSet = modelSet
        self.store = store
        self.observers = observers
    }

    /// A replay that cannot start or had to stop.
    public struct ReplayError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replays `inputs` as one run and returns its summary; `progress` is called a few times a second.
    public func run(inputs: [String], configPath: String,
                    progress: @escaping @Sendable (ReplayProgress) -> Void = { _ in }) async throws -> RunSummary {
        // Open every input first: a missing file fails the run before anything is written.
        var readers: [TrafficReader] = []
        var total: Int64 = 0
        for path in inputs {
            do {
                readers.append(try TrafficReader(path: path, settings: settings.source, schema: modelSet.schema))
            } catch {
                throw ReplayError(description: "\(error)")
            }
            total += FileBytes.size(path) ?? 0
        }
        let run = try store.beginRun(RunInfo(startedAtMs: MonotonicClock.epochMs(), configPath: configPath,
                                             inputs: inputs, models: modelSet.infos,
                                             manifest: modelSet.scenarioManifest(configPath: configPath, inputs: inputs)))
        let set = modelSet
        let usage = ProcessUsageWindow(modelSet.models)
        let source = SourceReplay(store: store, settings: settings.replay, observers: observers, currentModels: { set })
        let started = MonotonicClock.nanos()
        func elapsed() -> Double { Double(MonotonicClock.nanos() &- started) / 1e9 }
        var tally = RunTally()
        var bytesBefore: Int64 = 0
        var lastReport: UInt64 = 0
        do {
            for (path, reader) in zip(inputs, readers) {
                _ = try await source.replay(reader, run: run, checkpoint: nil, tally: &tally, committed: { tally in
                    let now = MonotonicClock.nanos()
                    guard now &- lastReport > 100_000_000 else { return }
                    lastReport = now
                    var p = tally.progress
                    p.bytesTotal = total
                    p.bytesDone = bytesBefore + reader.position.offset
                    p.elapsedSeconds = elapsed()
                    progress(p)
                })
                bytesBefore += FileBytes.size(path) ?? 0
            }
        } catch {
            // Keep what was read before the failure, with its totals, and mark the run failed.
            let seconds = elapsed()
            try? store.failRun(run, summary: tally.summary(run: run, seconds: seconds),
                               latency: tally.latencyRows(seconds: seconds))
            throw error
        }
        let seconds = elapsed()
        var summary = tally.summary(run: run, seconds: seconds)
        summary.addProcessUsage(usage)
        try store.finishRun(run, summary: summary, latency: tally.latencyRows(seconds: seconds))
        var done = tally.progress
        done.bytesTotal = total
        done.bytesDone = total
        done.elapsedSeconds = seconds
        done.finished = true
        progress(done)
        return summary
    }
}
