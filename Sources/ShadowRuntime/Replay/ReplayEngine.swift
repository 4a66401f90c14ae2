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
        let run = try store.beginRun(RunInfo(startedAtMs: MonotonicClock.epochMs(), configPath: configPath,
                                             inputs: inputs, models: models))
        var state = RunState(models: self.models, progress: progress)
        state.tally.progress.bytesTotal = total
        do {
            for (path, reader) in zip(inputs, readers) {
                try await replay(path, reader, run: run, state: &state)
                state.bytesBefore += FileBytes.size(path) ?? 0
            }
        } catch {
            // Keep what was read before the failure, with its totals, and mark the run failed.
            let seconds = state.elapsedSeconds
            try? store.failRun(run, summary: state.tally.summary(run: run, seconds: seconds),
                               latency: state.tally.latencyRows(seconds: seconds))
            throw error
        }
        let seconds = state.elapsedSeconds
        state.tally.progress.elapsedSeconds = seconds
        state.tally.progress.finished = true
        let summary = state.tally.summary(run: run, seconds: seconds)
        try store.finishRun(run, summary: summary, latency: state.tally.latencyRows(seconds: seconds))
        progress(state.tally.progress)
        return summary
    }

    /// Replays one file: a sliding window of batches in flight, committed in order.
    func replay(_ path: String, _ reader: TrafficReader, run: Int64, state: inout RunState) async throws {
        let decoder = reader.decoder
        let processor = BatchProcessor(models: models, comparator: Comparator(settings: settings.compare),
                                       storeFeatures: settings.store.storeFeatures)
        let bytesBefore = state.bytesBefore
        try await withThrowingTaskGroup(of: BatchResult.self) { group in
            var inFlight = 0
            var waiting: [Int: BatchResult] = [:]
            var nextSequence = 0
            func commitReady() throws {
                while let result = waiting.removeValue(forKey: nextSequence) {
                    try store.append(run: run, disagreements: result.rows, rejects: result.rejects)
                    state.add(result)
                    nextSequence += 1
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
                group.addTask { await processor.process(chunk, decoder: decoder, bytesBefore: bytesBefore) }
                inFlight += 1
            }
            while let done = try await group.next() {
                waiting[done.sequence] = done
                try commitReady()
            }
        }
    }
}

/// The mutable side of a run: totals, the clock, and when progress was last reported.
struct RunState {
    var tally: RunTally
    let started = MonotonicClock.nanos()
    var bytesBefore: Int64 = 0
    var lastReport: UInt64 = 0
    let progress: @Sendable (ReplayProgress) -> Void

    init(models: [any ReplayModel], progress: @escaping @Sendable (ReplayProgress) -> Void) {
        tally = RunTally(models: models)
        self.progress = progress
    }

    var elapsedSeconds: Double { Double(MonotonicClock.nanos() &- started) / 1e9 }

    /// Counts a committed batch and reports progress at most ten times a second.
    mutating func add(_ result: BatchResult) {
        tally.add(result)
        let now = MonotonicClock.nanos()
        if now &- lastReport > 100_000_000 {
            lastReport = now
            tally.progress.elapsedSeconds = elapsedSeconds
            progress(tally.progress)
        }
    }
}
