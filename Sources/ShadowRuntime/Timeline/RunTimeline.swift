import ShadowCore

/// One run's timeline as it is observed: the open interval's per-model latency and per-shadow disagreement counts,
/// the feature bucket counts and the top disagreements. Fed committed batches in order; hands back what to write.
struct RunTimeline: Sendable {
    let run: Int64
    let settings: TimelineSettings
    private var nextIndex: Int
    private var isOpen = false
    private var index = 0
    private var startNanos: UInt64 = 0
    private var startEpochMs = 0.0
    private var lastNanos: UInt64 = 0
    private var lastEpochMs = 0.0
    private var records = 0
    private var minTime: Double?
    private var maxTime: Double?
    private var models: [(name: String, latency: LatencyRecorder)] = []
    private var compared: [Int] = []
    /// Per shadow and kind (`3·s + k`): disagreements in the open interval.
    private var kindCounts: [Int] = []
    private var seen: [Bool] = []
    private var buckets: FeatureBucketCounter
    private var top: [[TopDisagreements]] = []
    /// Per shadow and kind (`3·s + k`): the |delta| a row must beat to enter the top set (-1 until it is full).
    private var topFloor: [Double] = []
    private var recordCount = 0
    /// Disagreement rows observed in the run so far (their order is the rows' id order).
    private var rowCount: Int64
    private var lastFlushNanos: UInt64 = 0
    private var hits: [(record: Int, hit: FeatureBucketCounter.Hit)] = []
    private var scratch: [FeatureBucketCounter.Hit] = []

    /// A run starting at interval `nextIndex`, with bucket schemes and top rows restored from the store (if any).
    init(run: Int64, settings: TimelineSettings, features: [String], nextIndex: Int = 0,
         schemes: [FeatureScheme]? = nil, top: [(row: DisagreementRow, seq: Int64)] = [], rows: Int64 = 0) {
        self.run = run
        self.settings = settings
        self.nextIndex = nextIndex
        rowCount = rows
        buckets = FeatureBucketCounter(names: features, settings: settings, schemes: schemes)
        for entry in top {
            let s = shadow(entry.row.shadow), k = Self.kindIndex(entry.row.kind)
            self.top[s][k].offer(entry.row, seq: entry.seq)
            topFloor[3 * s + k] = self.top[s][k].threshold ?? -1
        }
        for s in self.top.indices { for k in self.top[s].indices { self.top[s][k].markWritten() } }
    }

    static func kindIndex(_ kind: DisagreementKind) -> Int {
        switch kind {
        case .labelFlip: return 0
        case .scoreDelta: return 1
        case .shadowError: return 2
        }
    }

    /// The open interval's index, or nil when none is open.
    var openInterval: Int? { isOpen ? index : nil }
    /// When the last batch was observed.
    var lastObservedNanos: UInt64 { lastNanos }

    /// Adds a committed batch observed at `nanos` (monotonic) / `epochMs` (wall clock); returns the interval it
    /// closed, if any, and the bucket counts and top rows when they are due.
    mutating func add(_ batch: ObservedBatch, nanos: UInt64, epochMs: Double) -> TimelineRows {
        var out = TimelineRows(run: run)
        if isOpen, Double(nanos &- startNanos) / 1e9 >= settings.intervalSeconds || records >= settings.intervalRecords {
            if let closed = close() { out.intervals.append(closed) }
        }
        if !isOpen { open(nanos: nanos, epochMs: epochMs) }
        lastNanos = nanos
        lastEpochMs = epochMs
        count(batch)
        if lastFlushNanos == 0 { lastFlushNanos = nanos }
        if Double(nanos &- lastFlushNanos) / 1e9 >= settings.bucketFlushSeconds {
            drainBuckets(into: &out)
            lastFlushNanos = nanos
        }
        return out
    }

    /// Closes the open interval and drains every count (the run ended or went idle).
    mutating func flush() -> TimelineRows {
        var out = TimelineRows(run: run)
        if let closed = close() { out.intervals.append(closed) }
        buckets.settle()
        drainBuckets(into: &out)
        return out
    }

    private mutating func drainBuckets(into out: inout TimelineRows) {
        out.buckets = buckets.drain()
        out.sampleEvery = settings.sampleEvery
        if top.contains(where: { $0.contains(where: \.changed) }) {
            out.top = top.flatMap { $0.flatMap(\.heap) }
            for s in top.indices { for k in top[s].indices { top[s][k].markWritten() } }
        }
    }

    private mutating func open(nanos: UInt64, epochMs: Double) {
        let contiguous = lastNanos != 0 && Double(nanos &- lastNanos) / 1e9 < settings.intervalSeconds
        startNanos = contiguous ? lastNanos : nanos
        startEpochMs = contiguous ? lastEpochMs : epochMs
        index = nextIndex
        nextIndex += 1
        isOpen = true
        records = 0
        minTime = nil
        maxTime = nil
        models = []
        for s in compared.indices {
            compared[s] = 0
            kindCounts[3 * s] = 0
            kindCounts[3 * s + 1] = 0
            kindCounts[3 * s + 2] = 0
            seen[s] = false
        }
    }

    private mutating func close() -> TimelineRows.Interval? {
        guard isOpen else { return nil }
        isOpen = false
        let modelRows = models.map { name, r in
            TimelineRows.Model(
                name: name, requests: r.count + r.errors, errors: r.errors,
                p50Ms: r.count > 0 ? r.milliseconds(atPercentile: 50) : nil,
                p99Ms: r.count > 0 ? r.milliseconds(atPercentile: 99) : nil,
                maxMs: r.count > 0 ? r.maxMilliseconds : nil, histogram: r.encodedHistogram())
        }
        var shadowRows: [TimelineRows.Shadow] = []
        for s in seen.indices where seen[s] {
            for kind in DisagreementKind.allCases {
                shadowRows.append(TimelineRows.Shadow(name: buckets.shadows[s], kind: kind, compared: compared[s],
                                                      count: kindCounts[3 * s + Self.kindIndex(kind)]))
            }
        }
        return TimelineRows.Interval(run: run, index: index, startedAtMs: startEpochMs,
                                     seconds: Double(lastNanos &- startNanos) / 1e9, minRecordMs: minTime,
                                     maxRecordMs: maxTime, models: modelRows, shadows: shadowRows)
    }

    private mutating func shadow(_ name: String) -> Int {
        let s = buckets.shadow(name)
        while compared.count <= s {
            compared.append(0)
            kindCounts += [0, 0, 0]
            seen.append(false)
            top.append(DisagreementKind.allCases.map { _ in TopDisagreements(capacity: settings.topK) })
            topFloor += [-1, -1, -1]
        }
        return s
    }

    /// Counts one batch into the open interval, the buckets and the top rows.
    private mutating func count(_ batch: ObservedBatch) {
        let list = batch.records.records
        records += list.count
        list.withUnsafeBufferPointer { records in
            for i in records.indices {
                guard let t = records[i].epochMs else { continue }
                if minTime.map({ t < $0 }) ?? true { minTime = t }
                if maxTime.map({ t > $0 }) ?? true { maxTime = t }
            }
        }
        for (m, name) in batch.models.enumerated() where m < batch.predictions.count {
            let prediction = batch.predictions[m]
            var slot = models.firstIndex { $0.name == name }
            if slot == nil {
                models.append((name, LatencyRecorder()))
                slot = models.count - 1
            }
            models[slot!].latency.record(prediction)
            if m > 0 {
                let s = shadow(name)
                compared[s] += prediction.count
                seen[s] = true
            }
        }
        // Rows come shadow by shadow, records in order: find each row's record with one pass per shadow. Rows are read
        // in place (no copy of their strings) and copied only when they enter the top set.
        hits.removeAll(keepingCapacity: true)
        var current = "", s = 0, p = 0
        batch.disagreements.withUnsafeBufferPointer { rows in
            for r in rows.indices {
                if rows[r].shadow != current || p >= list.count {
                    if rows[r].shadow != current {
                        current = rows[r].shadow
                        s = shadow(current)
                    }
                    p = 0
                }
                let kind = rows[r].kind
                let k = Self.kindIndex(kind)
                kindCounts[3 &* s &+ k] &+= 1
                if let delta = rows[r].delta, abs(delta) > topFloor[3 &* s &+ k] {
                    top[s][k].offer(rows[r], seq: rowCount)
                    topFloor[3 &* s &+ k] = top[s][k].threshold ?? -1
                }
                rowCount += 1
                // Times first: a Double compare skips most records without touching their ids.
                let time = rows[r].recordTimeMs
                while p < list.count && (list[p].epochMs != time || list[p].id != rows[r].recordID) { p += 1 }
                guard p < list.count else { continue }
                hits.append((p, FeatureBucketCounter.Hit(shadow: s, flip: kind == .labelFlip)))
                p += 1
            }
        }
        if hits.count > 1 { hits.sort { $0.record < $1.record } }
        let every = settings.sampleEvery
        var h = 0
        var next = (every - recordCount % every) % every
        for i in list.indices {
            let isSampled = i == next
            if isSampled { next += every }
            guard isSampled || (h < hits.count && hits[h].record == i) else { continue }
            scratch.removeAll(keepingCapacity: true)
            while h < hits.count && hits[h].record == i {
                scratch.append(hits[h].hit)
                h += 1
            }
            buckets.add(list[i].features, strings: list[i].strings, sampled: isSampled, hits: scratch)
        }
        recordCount += list.count
    }
}
