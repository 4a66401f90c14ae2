import ShadowConfig
import ShadowCore
import ShadowFiles

/// The paced replay loop (used only when a load profile is set): decodes each chunk, gives every record its
/// intended instant, sends it to every model at that instant as a one-record request, and commits chunks in
/// file order once all their answers are in. Latency runs from the intended instant; service time from the send.
struct LoadScheduler {
    let settings: LoadSettings
    let models: ModelSet
    let store: any ReplayStore
    let observers: [any ReplayObserver]
    let run: Int64
    private var schedule: ArrivalSchedule
    private(set) var tally = RunTally()
    private(set) var load: LoadTally
    private let counter: InFlightCounter
    private var nextKey = 0
    private let widths: [Int]

    init(settings: LoadSettings, models: ModelSet, store: any ReplayStore, observers: [any ReplayObserver], run: Int64) {
        self.settings = settings
        self.models = models
        self.store = store
        self.observers = observers
        self.run = run
        schedule = ArrivalSchedule(settings.profile)
        load = LoadTally(models: models.models.count, intervalNanos: UInt64(settings.intervalSeconds * 1e9))
        counter = InFlightCounter(models: models.models.count)
        widths = models.models.map { $0.task.outputWidth }
        load.start = MonotonicClock.nanos() + 2_000_000  // a moment to get going before the first instant
    }

    /// Replays `reader` to its end; `committed` sees the run tally after each chunk is handed to the store.
    mutating func replay(_ reader: TrafficReader, batchSize: Int, committed: (RunTally) -> Void) async throws {
        let decoder = reader.decoder
        let openLoop = ArrivalSchedule.isOpenLoop(settings.profile)
        var concurrency = Int.max
        if case .closed(let c) = settings.profile { concurrency = c }
        let modelList = models.models
        let counter = self.counter
        var pending: [ChunkCollector] = []
        try await withThrowingDiscardingTaskGroup { group in
            while let chunk = try reader.nextChunk(maxLines: batchSize) {
                var batch = decoder.decode(chunk)
                if let injector = models.injector { injector.apply(to: &batch) }
                let collector = ChunkCollector(batch: batch, widths: widths, endOffset: chunk.endOffset,
                                               endLine: chunk.endLine)
                pending.append(collector)
                for i in batch.records.indices {
                    var due = MonotonicClock.nanos()
                    if openLoop {
                        let offset = schedule.next(epochMs: batch.records[i].epochMs)
                        due = load.start + offset
                        load.lastIntendedOffset = offset
                        await PreciseWait.until(due)
                    }
                    let atCap = counter.modelsAtCap(settings.maxInFlight)
                    if !atCap.isEmpty {
                        for m in atCap { load.capHits[m] += 1 }
                        while !counter.modelsAtCap(settings.maxInFlight).isEmpty { await PreciseWait.pause() }
                    }
                    if !openLoop {
                        while counter.records >= concurrency { await PreciseWait.pause() }
                        due = MonotonicClock.nanos()
                        if load.requests == 0 { load.start = due }
                    }
                    collector.intend(i, at: due)
                    let single = RecordBatch(sequence: batch.sequence, records: [batch.records[i]], text: batch.text)
                    let key = nextKey
                    nextKey += 1
                    counter.send(key)
                    load.requests += 1
                    for (m, model) in modelList.enumerated() {
                        group.addTask {
                            let sent = MonotonicClock.nanos()
                            let answer = await model.predict(single)
                            collector.finish(i, model: m, answer: answer, sent: sent, done: MonotonicClock.nanos())
                            counter.answered(key, model: m)
                        }
                    }
                    try await commitReady(&pending, committed: committed)
                }
                try await commitReady(&pending, committed: committed)
            }
            while !pending.isEmpty {
                try await commitReady(&pending, committed: committed)
                if !pending.isEmpty { await PreciseWait.pause() }
            }
        }
    }

    /// Commits the complete chunks at the head of `pending`, in order.
    private mutating func commitReady(_ pending: inout [ChunkCollector], committed: (RunTally) -> Void) async throws {
        var taken = 0
        while taken < pending.count, pending[taken].isComplete {
            let (result, timings) = pending[taken].result(models: models.models, comparator: models.comparator,
                                                          storeFeatures: models.storeFeatures)
            try store.append(run: run, disagreements: result.rows, rejects: result.rejects, checkpoint: nil)
            tally.add(result)
            load.add(timings, errors: result.predictions)
            committed(tally)
            if !observers.isEmpty {
                let observed = ObservedBatch(run: run, records: result.batch, schema: models.schema,
                                             models: result.models.map(\.name), predictions: result.predictions,
                                             disagreements: result.rows)
                for observer in observers { await observer.observe(observed) }
            }
            taken += 1
        }
        if taken > 0 { pending.removeFirst(taken) }
    }

    /// The load report of everything replayed so far.
    func report() -> LoadReport {
        load.report(settings: settings, models: models.models.map { ($0.name, $0.role) }, run: tally)
    }
}
