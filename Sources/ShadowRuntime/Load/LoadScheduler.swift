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
    /// Scheduler-side counts (requests, cap hits, start, last intended instant); timings go to the committer.
    private var load: LoadTally
    private let committer: LoadCommitter
    private let counter: InFlightCounter
    private var nextKey = 0
    private let widths: [Int]
    /// Whether a `replay` call has run: a later call is a followed source's next segment (see `replay`).
    private var segments = 0
    /// Per model: requests in flight at most (`max_in_flight`, or fewer for an HTTP model with fewer connections,
    /// so requests wait here, counted, and never in the client's queue, where the wait would be unseen).
    private let caps: [Int]
    /// Records per chunk at most: a chunk's decode and commit run between sends, so a paced replay keeps them short
    /// (at 1000/s, 512-record commits put p99 0.3 ms over the truth; 64-record ones did not).
    static let chunkLimit = 64

    init(settings: LoadSettings, models: ModelSet, store: any ReplayStore, observers: [any ReplayObserver], run: Int64,
         connections: [String: Int] = [:], resumed: RunTally = RunTally()) {
        self.settings = settings
        self.models = models
        self.store = store
        self.observers = observers
        self.run = run
        schedule = ArrivalSchedule(settings.profile)
        load = LoadTally(models: models.models.count, intervalNanos: UInt64(settings.intervalSeconds * 1e9))
        counter = InFlightCounter(models: models.models.count)
        widths = models.models.map { $0.task.outputWidth }
        caps = models.models.map { min(settings.maxInFlight, connections[$0.name] ?? Int.max) }
        load.start = MonotonicClock.nanos() + 2_000_000  // a moment to get going before the first instant
        committer = LoadCommitter(models: models, store: store, observers: observers, run: run, load: load,
                                  resumed: resumed)
    }

    /// Replays `reader` to its end, or until `stop` says so (checked between chunks: a chunk already begun is sent
    /// at its pace); `committed` sees the run tally after each chunk is handed to the store, `heartbeat` is called
    /// at least every 100 ms while waiting for intended instants, and each commit stores the position in
    /// `checkpoint` when given. Returns whether it stopped before the end.
    ///
    /// A second call continues the run (the next file, or a followed file that has grown). For a followed file
    /// (`anchorToNow`), time spent waiting for the writer is not part of the schedule: when the next record's
    /// intended instant has already passed, the schedule is moved forward so that it is due now (no record is
    /// intended before it could be read), so lag and corrected latency never count the writer's idle time.
    @discardableResult
    mutating func replay(_ reader: TrafficReader, batchSize: Int, checkpoint: SourceReplay.CheckpointTarget? = nil,
                         anchorToNow: Bool = false, stop: () -> Bool = { false }, heartbeat: () -> Void = {},
                         committed: (RunTally) -> Void) async throws -> Bool {
        var reanchor = anchorToNow && segments > 0
        segments += 1
        var stopped = false
        var lastBeat = MonotonicClock.nanos()
        let decoder = reader.decoder
        let openLoop = ArrivalSchedule.isOpenLoop(settings.profile)
        var concurrency = Int.max
        if case .closed(let c) = settings.profile { concurrency = c }
        let modelList = models.models
        let counter = self.counter
        let committer = self.committer
        let pacing = PacingThread()
        defer { pacing.stop() }
        try await withTaskExecutorPreference(pacing) { try await withThrowingDiscardingTaskGroup { group in
            group.addTask(executorPreference: globalConcurrentExecutor) { try await committer.run(checkpoint: checkpoint) }
            defer { committer.close() }
            while true {
                if stop() {
                    stopped = true
                    break
                }
                guard let chunk = try reader.nextChunk(maxLines: min(batchSize, Self.chunkLimit)) else { break }
                var batch = decoder.decode(chunk)
                if let injector = models.injector { injector.apply(to: &batch) }
                let collector = ChunkCollector(batch: batch, widths: widths, endOffset: chunk.endOffset,
                                               endLine: chunk.endLine)
                committer.enqueue(collector)
                if let latest = committer.latest.withLock({ $0 }) { committed(latest) }
                for i in batch.records.indices {
                    var due = MonotonicClock.nanos()
                    if openLoop {
                        let offset = schedule.next(epochMs: batch.records[i].epochMs)
                        due = load.start + offset
                        if reanchor {
                            reanchor = false
                            let now = MonotonicClock.nanos()
                            if due < now {
                                load.start += now - due
                                due = now
                            }
                        }
                        load.lastIntendedOffset = offset
                        PreciseWait.until(due, heartbeat: heartbeat)
                    }
                    let atCap = counter.modelsAtCap(caps)
                    if !atCap.isEmpty {
                        for m in atCap { load.capHits[m] += 1 }
                        while !counter.modelsAtCap(caps).isEmpty { await PreciseWait.pause() }
                    }
                    if !openLoop {
                        while counter.records >= concurrency { await PreciseWait.pause() }
                        due = MonotonicClock.nanos()
                        if load.requests == 0 { load.start = due }
                    }
                    if due > lastBeat && due - lastBeat > PreciseWait.heartbeatNanos {
                        lastBeat = due
                        heartbeat()
                    }
                    collector.intend(i, at: due)
                    let single = RecordBatch(sequence: batch.sequence, records: [batch.records[i]], text: batch.text)
                    let key = nextKey
                    nextKey += 1
                    counter.send(key)
                    load.requests += 1
                    for (m, model) in modelList.enumerated() {
                        if let direct = model as? any SubmittingReplayModel {
                            // Sent from here, now: no task to wait for the pool.
                            let sent = MonotonicClock.nanos()
                            direct.start(single) { answer in
                                collector.finish(i, model: m, answer: answer, sent: sent, done: MonotonicClock.nanos())
                                counter.answered(key, model: m)
                            }
                            continue
                        }
                        group.addTask(executorPreference: globalConcurrentExecutor) {
                            let sent = MonotonicClock.nanos()
                            let answer = await model.predict(single)
                            collector.finish(i, model: m, answer: answer, sent: sent, done: MonotonicClock.nanos())
                            counter.answered(key, model: m)
                        }
                    }
                }
            }
        } }
        if let latest = committer.latest.withLock({ $0 }) { committed(latest) }
        return stopped
    }

    /// Everything committed so far.
    var tally: RunTally { committer.tally }

    /// The load report of everything replayed so far.
    func report() -> LoadReport {
        committer.adopt(schedulerCounts: load)
        return committer.load.report(settings: settings, models: models.models.map { ($0.name, $0.role) }, run: tally)
    }
}
