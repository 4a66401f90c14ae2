import ShadowCore
import ShadowDrift
import ShadowRuntime

/// The drift monitor of one run, without I/O: feeds each committed batch into windows, references and detectors,
/// evaluates windows (every `step` records, or every calendar hour for seasonal references) and steps the
/// trigger policy. Its state is Codable so a resumed run continues where it stood.
struct RunMonitor: Sendable {
    let run: Int64
    let plan: MonitorPlan
    let compare: CompareSettings
    var state: RunState
    var reference: ReferenceState
    /// Set when the first-N reference has just been completed and should be persisted once.
    var referenceCompleted = false
    /// Numeric references sorted and binned once (rebuilt after a restart, never persisted).
    private var prepared: [String: PreparedReference] = [:]

    init(run: Int64, plan: MonitorPlan, compare: CompareSettings, state: RunState? = nil,
         reference: ReferenceState? = nil) {
        self.run = run
        self.plan = plan
        self.compare = compare
        self.state = state ?? RunState(window: plan.settings.window, rules: plan.rules)
        self.reference = reference ?? ReferenceState()
    }

    private var seasonalLag: SeasonalReference.Lag? {
        switch plan.settings.reference {
        case .sameHourDay: return .day
        case .sameHourWeek: return .week
        case .firstN, .profile: return nil
        }
    }

    /// Feeds one committed batch; returns the windows it closed, in order.
    mutating func observe(_ batch: ObservedBatch) -> [WindowReport] {
        let features = plan.features(for: batch.schema)
        let slots = features.map { batch.schema.slot(of: $0) }
        let shadows = Array(batch.models.dropFirst())
        var flagged = Set<String>()
        for row in batch.disagreements { flagged.insert(row.shadow + "\u{0}" + row.recordID) }
        var reports: [WindowReport] = []
        let champion = batch.predictions.first
        for (i, record) in batch.records.records.enumerated() {
            state.records += 1
            // Detectors see every record.
            if let champion, champion.errors[i] == nil, let label = record.label?.numericValue, !label.isNaN,
               let predicted = predictedClass(champion.row(i)) {
                feed("error", rate: "error_rate", kind: plan.settings.errorDetector, hit: predicted != label)
            }
            for shadow in shadows {
                feed("disagreement:" + shadow, rate: "disagreement_rate:" + shadow,
                     kind: plan.settings.disagreementDetector, hit: flagged.contains(shadow + "\u{0}" + record.id))
            }
            let score = champion.flatMap { $0.errors[i] == nil ? championScore($0.row(i)) : nil }
            if let lag = seasonalLag {
                if let report = seasonal(record, features: features, slots: slots, score: score, lag: lag) {
                    reports.append(report)
                }
                continue
            }
            if plan.settings.reference == .firstN && !reference.complete {
                collectReference(record, features: features, slots: slots, score: score)
                continue
            }
            if let seconds = plan.settings.windowSeconds, let t = record.epochMs, t.isFinite {
                // Time windows: a record in a later window closes the one being filled.
                let bucket = Int64((t / (Double(seconds) * 1000)).rounded(.down))
                if let current = state.timeBucket, bucket != current, state.sinceEvaluation > 0 {
                    reports.append(closeWindow(features: features))
                    state.numeric = [:]
                    state.categorical = [:]
                    state.times = SlidingCountWindow(capacity: plan.settings.window)
                }
                state.timeBucket = bucket
            }
            state.times.add(record.epochMs ?? .nan)
            for (f, name) in features.enumerated() {
                switch value(of: record, slot: slots[f], name: name, score: score) {
                case .number(let x):
                    state.numeric[name, default: SlidingCountWindow(capacity: plan.settings.window)].add(x)
                case .string(let s):
                    state.categorical[name, default: CategoryWindow(capacity: plan.settings.window)].add(s)
                default: break
                }
            }
            state.sinceEvaluation += 1
            if plan.settings.windowSeconds == nil && state.sinceEvaluation >= plan.settings.step
                && state.times.isFull {
                reports.append(closeWindow(features: features))
            }
        }
        return reports
    }

    /// Evaluates the current (count or time) window of every feature.
    private mutating func closeWindow(features: [String]) -> WindowReport {
        let times = state.times.values.filter { !$0.isNaN }
        var computed: [[(String, Double, Int)]] = []
        for name in features { computed.append(windowStatistics(name)) }
        return evaluate(startMs: times.first, endMs: times.last, features: features, computed: computed)
    }

    /// The statistics of one feature's count window against the first-N or profile reference.
    private mutating func windowStatistics(_ name: String) -> [(String, Double, Int)] {
        if let window = state.numeric[name], let values = reference.numeric[name] {
            if prepared[name] == nil { prepared[name] = PreparedReference(values, binning: plan.binning) }
            return FeatureStatistics.numeric(reference: prepared[name]!, current: window.values.filter { !$0.isNaN },
                                             statistics: plan.settings.statistics, binning: plan.binning)
                .map { ($0.0, $0.1, window.count) }
        }
        if let window = state.categorical[name], let ref = reference.categorical[name] {
            return FeatureStatistics.categorical(reference: ref, current: window.summary,
                                                 statistics: plan.settings.statistics)
                .map { ($0.0, $0.1, window.count) }
        }
        return []
    }

    /// One feature's value in a record: a number, a category, or nothing.
    private func value(of record: TrafficRecord, slot: Int?, name: String, score: Double?) -> FeatureValue {
        if name == MonitorPlan.prediction && slot == nil { return score.map { .number($0) } ?? .null }
        guard let slot else { return .null }
        if let s = record.strings?[slot] { return .string(s) }
        let x = record.features[slot]
        return x.isNaN ? .null : .number(x)
    }

    private mutating func collectReference(_ record: TrafficRecord, features: [String], slots: [Int?], score: Double?) {
        for (f, name) in features.enumerated() {
            switch value(of: record, slot: slots[f], name: name, score: score) {
            case .number(let x): reference.numeric[name, default: []].append(x)
            case .string(let s): reference.categorical[name, default: CategorySummary()].add(s)
            default: break
            }
        }
        reference.records += 1
        if reference.records >= plan.settings.referenceRecords {
            reference.complete = true
            referenceCompleted = true
        }
    }

    /// Seasonal mode: a record in a later hour closes the hour being filled, then joins its own hour.
    private mutating func seasonal(_ record: TrafficRecord, features: [String], slots: [Int?], score: Double?,
                                   lag: SeasonalReference.Lag) -> WindowReport? {
        guard let t = record.epochMs else { return nil }
        let h = SeasonalReference.hour(ofMs: t)
        var report: WindowReport?
        if let current = state.hour, h > current {
            report = evaluateHour(current, lag: lag, features: features)
        }
        if state.hour == nil || h > state.hour! {
            state.hour = h
            state.hourFirstMs = t
            state.hourLastMs = t
        } else if h == state.hour {
            state.hourLastMs = t
        }
        for (f, name) in features.enumerated() {
            switch value(of: record, slot: slots[f], name: name, score: score) {
            case .number(let x):
                state.seasonal[name, default: SeasonalReference(lag: lag, sampleCapacity: 1_000)].add(x, atMs: t)
            case .string(let s):
                state.seasonalCategories[name, default: [:]][h, default: CategorySummary()].add(s)
                for key in state.seasonalCategories[name]!.keys where key < h - lag.hours {
                    state.seasonalCategories[name]![key] = nil
                }
            default: break
            }
        }
        return report
    }

    private mutating func evaluateHour(_ h: Int64, lag: SeasonalReference.Lag, features: [String]) -> WindowReport {
        let computed = features.map { hourStatistics($0, hour: h, lag: lag) }
        return evaluate(startMs: state.hourFirstMs, endMs: state.hourLastMs, features: features, computed: computed)
    }

    /// The statistics of one feature's hour against the same hour one lag earlier.
    private func hourStatistics(_ name: String, hour h: Int64, lag: SeasonalReference.Lag) -> [(String, Double, Int)] {
        let atMs = Double(h) * 3_600_000
        if let seasonal = state.seasonal[name], let current = seasonal.current(atMs: atMs),
           let ref = seasonal.reference(atMs: atMs), ref.count >= 30 {
            return FeatureStatistics.numeric(reference: ref.sample.values, current: current.sample.values,
                                             statistics: plan.settings.statistics, binning: plan.binning)
                .map { ($0.0, $0.1, current.count) }
        }
        if let hours = state.seasonalCategories[name], let current = hours[h], let ref = hours[h - lag.hours],
           ref.total >= 30 {
            return FeatureStatistics.categorical(reference: ref, current: current, statistics: plan.settings.statistics)
                .map { ($0.0, $0.1, current.total) }
        }
        return []
    }

    /// Closes a window: feature statistics, detector and rate signals, then one policy step.
    private mutating func evaluate(startMs: Double?, endMs: Double?, features: [String],
                                   computed: [[(String, Double, Int)]]) -> WindowReport {
        state.window += 1
        var values: [DriftValue] = []
        for (name, statistics) in zip(features, computed) {
            for (statistic, value, samples) in statistics {
                let signal = statistic + ":" + name
                values.append(DriftValue(signal: signal, feature: name, statistic: statistic, value: value,
                                         threshold: plan.thresholds[signal], samples: samples))
            }
        }
        for signal in state.counts.keys.sorted() {
            let c = state.counts[signal]!
            guard c[1] > 0 else { continue }
            let parts = MonitorPlan.split(signal)
            values.append(DriftValue(signal: signal, feature: parts.feature, statistic: "rate",
                                     value: Double(c[0]) / Double(c[1]), threshold: plan.thresholds[signal], samples: c[1]))
            let detectorSignal = signal == "error_rate" ? "error" : "disagreement:" + (parts.feature ?? "")
            if let detector = state.detectors[detectorSignal] {
                values.append(DriftValue(signal: detectorSignal, feature: parts.feature, statistic: detector.kind.rawValue,
                                         value: Double(state.peaks[detectorSignal] ?? 0),
                                         threshold: plan.thresholds[detectorSignal], samples: c[1]))
            }
        }
        let observations = values.map { SignalObservation(signal: $0.signal, value: $0.value, samples: $0.samples) }
        let now = (endMs ?? Double(state.records) * 1000) / 1000
        let actions = state.policy.step(observations, now: now)
        state.peaks = [:]
        state.counts = [:]
        state.sinceEvaluation = 0
        return WindowReport(run: run, index: state.window, startMs: startMs, endMs: endMs, values: values,
                            triggers: events(actions, atMs: endMs))
    }

    private func events(_ actions: [TriggerAction], atMs: Double?) -> [TriggerEvent] {
        var out: [TriggerEvent] = []
        var lastAlert: [String: TriggerEvent] = [:]
        for action in actions {
            switch action {
            case .warn(let rule, let signal, let value, let threshold), .alert(let rule, let signal, let value, let threshold):
                let level: DriftSettings.Level
                if case .warn = action { level = .warn } else { level = .alert }
                let event = TriggerEvent(run: run, rule: rule, level: level, signal: signal, value: value,
                                         threshold: threshold, window: state.window, atMs: atMs, model: model(for: signal))
                out.append(event)
                if level == .alert { lastAlert[rule] = event }
            case .retrain(let rule):
                if var event = lastAlert[rule] {
                    event.level = .retrain
                    out.append(event)
                }
            case .rearm:
                continue
            }
        }
        return out
    }

    private func model(for signal: String) -> String {
        let parts = MonitorPlan.split(signal)
        if parts.statistic.hasPrefix("disagreement"), let shadow = parts.feature { return shadow }
        return ""
    }

    private mutating func feed(_ signal: String, rate: String, kind: DriftSettings.Detector, hit: Bool) {
        state.counts[rate, default: [0, 0]][0] += hit ? 1 : 0
        state.counts[rate, default: [0, 0]][1] += 1
        if state.detectors[signal] == nil, let fresh = MonitorPlan.detector(kind) { state.detectors[signal] = fresh }
        guard state.detectors[signal] != nil else { return }
        let level: Int
        switch state.detectors[signal]!.update(hit ? 1 : 0) {
        case .none: level = 0
        case .warning: level = 1
        case .drift: level = 2
        }
        if level > state.peaks[signal, default: 0] { state.peaks[signal] = level }
    }

    /// The champion's score: the value of a one-output model, else the largest class probability.
    private func championScore(_ row: ArraySlice<Double>) -> Double? {
        guard let first = row.first else { return nil }
        let score = row.count == 1 ? first : (row.max() ?? first)
        return score.isNaN ? nil : score
    }

    /// The champion's class: binary at the compare threshold, else argmax; nil for regression.
    private func predictedClass(_ row: ArraySlice<Double>) -> Double? {
        switch compare.task {
        case .regression: return nil
        case .binary where row.count == 1:
            return row.first! >= compare.threshold ? 1 : 0
        default:
            guard let best = row.indices.max(by: { row[$0] < row[$1] }) else { return nil }
            return Double(best - row.startIndex)
        }
    }
}
