import ShadowCore
import ShadowFiles

/// Runs a replay: reads traffic files in order, fans each batch out to every model, compares, and stores the results.
///
/// Up to `replay.maxInFlight` batches are decoded and evaluated concurrently; their results are committed to the
/// store strictly in file order, so counts and (later) checkpoints follow the input.
public struct ReplayEngine: Sendable {
    public let settings: ShadowSettings
    /// Champion first.
    public let models: [any ReplayModel]
    public let schema: FeatureSchema
    public let store: any ReplayStore

    public init(settings: ShadowSettings, models: [any ReplayModel], schema: FeatureSchema, store: any ReplayStore) {
        precondition(models.first?.role == .champion, "the champion comes first")
        self.settings = settings
        self.models = models
        self.schema = schema
        self.store = store
    }

    /// A replay that cannot start or had to stop.
    public struct ReplayError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Replays `inputs` as one run and returns its summary; `progress` is called a few times a second.
    public func run(inputs: [String], configPath: String, runInfo models: [ModelInfo],
                    progress: @escaping @Sendable (ReplayProgress) -> Void = { _ in }) async throws -> RunSummary {
        // Open every input first: a missing file fails the run before anything is written.
        var readers: [TrafficReader] = []
        var total: Int64 = 0
        for path in inputs {
            do {
                readers.append(try TrafficReader(path: path, settings: settings.source, schema: schema))
            } catch {
                throw ReplayError(description: "\(error)")
            }
            total += FileBytes.size(path) ?? 0
        }
        let started = MonotonicClock.nanos()
        let run = try store.beginRun(RunInfo(startedAtMs: MonotonicClock.epochMs(), configPath: configPath,
                                             inputs: inputs, models: models))
        var tally = RunTally(models: self.models)
        tally.progress.bytesTotal = total
        let processor = BatchProcessor(models: self.models, comparator: Comparator(settings: settings.compare),
                                       storeFeatures: settings.store.storeFeatures)
        var bytesBefore: Int64 = 0
        var lastReport: UInt64 = 0
        for (path, reader) in zip(inputs, readers) {
            let decoder = reader.decoder
            try await withThrowingTaskGroup(of: BatchResult.self) { group in
                var inFlight = 0
                var waiting: [Int: BatchResult] = [:]
                var nextSequence = 0
                func commitReady() throws {
                    while let result = waiting.removeValue(forKey: nextSequence) {
                        try store.append(run: run, disagreements: result.rows, rejects: result.rejects)
                        tally.add(result)
                        nextSequence += 1
                        let now = MonotonicClock.nanos()
                        if now &- lastReport > 100_000_000 {
                            lastReport = now
                            tally.progress.elapsedSeconds = Double(now &- started) / 1e9
                            progress(tally.progress)
                        }
                    }
                }
                while true {
                    let chunk: LineChunk?
                    do {
                        chunk = try reader.nextChunk(maxLines: settings.replay.batchSize)
                    } catch {
                        throw ReplayError(description: "\(path): \(error)")
                    }
                    guard let chunk else { break }
                    if inFlight >= settings.replay.maxInFlight, let done = try await group.next() {
                        inFlight -= 1
                        waiting[done.sequence] = done
                        try commitReady()
                    }
                    let base = bytesBefore
                    group.addTask { await processor.process(chunk, decoder: decoder, bytesBefore: base) }
                    inFlight += 1
                }
                while let done = try await group.next() {
                    waiting[done.sequence] = done
                    try commitReady()
                }
            }
            bytesBefore += FileBytes.size(path) ?? 0
        }
        let seconds = Double(MonotonicClock.nanos() &- started) / 1e9
        tally.progress.elapsedSeconds = seconds
        tally.progress.finished = true
        let summary = tally.summary(run: run, seconds: seconds)
        try store.finishRun(run, summary: summary, latency: tally.latencyRows(seconds: seconds))
        progress(tally.progress)
        return summary
    }
}
