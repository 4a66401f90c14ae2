import ShadowCore
import ShadowDrift
import ShadowModels

/// One strategy over the timeline, record by record: labels arrive after the delay, the strategy decides when to
/// retrain on the rows whose labels are known, and the serving model's answers are scored against the labels.
struct StrategyRun {
    let timeline: LabelledTimeline
    let strategy: StrategySettings
    let settings: BacktestSettings
    let task: ModelTask
    let threshold: Double
    let retrainer: Retrainer

    /// A retrained model waiting behind the gate.
    struct Candidate {
        var model: any EmbeddedModel
        var start: Int
        var end: Int
        var outcomes: [Double]
        var trainedUntil: Int
        var retrain: Int
    }

    var regression: Bool { task == .regression }

    /// The score of one answer: 1/0 for a right/wrong class, the squared error for regression; NaN unlabelled.
    func outcome(_ model: any EmbeddedModel, row: UnsafeBufferPointer<Double>, label: Double,
                 out: UnsafeMutableBufferPointer<Double>) -> Double {
        guard !label.isNaN else { return .nan }
        if model.predict(row, into: out) != nil { return regression ? .nan : 0 }
        switch task {
        case .regression: return (out[0] - label) * (out[0] - label)
        case .binary: return (out[0] >= threshold ? 1.0 : 0.0) == label ? 1 : 0
        case .multiclass(let k):
            var best = 0
            for c in 1..<k where out[c] > out[best] { best = c }
            return Double(best) == label ? 1 : 0
        }
    }

    func run(initial: any EmbeddedModel) throws -> StrategyResult {
        let n = timeline.count
        let d = timeline.width
        let hasTimes = timeline.hasTimes
        let times = timeline.timesMs
        func now(_ i: Int) -> Double { hasTimes ? times[i] / 1000 : Double(i) }
        let delay = hasTimes ? settings.labelDelaySeconds : Double(settings.labelDelayRecords)
        func visible(_ j: Int) -> Double { now(j) + delay }

        var champion = initial
        var generation = 0
        var generations = [Int32](repeating: 0, count: n)
        var outcomes = [Double](repeating: .nan, count: n)
        var candidate: Candidate?
        var known = 0
        var trainedUntil = 0
        var retrains: [StrategyResult.Retrain] = []
        var trainSeconds = 0.0
        var pending = false
        var detector: AnyDetector? = nil
        var policy: TriggerPolicy? = nil
        var windowSize = 0
        var signals = WindowSignals(featureNames: timeline.featureNames, regression: regression)
        var nextDue = 0.0
        switch strategy.when {
        case .never: break
        case .periodic(let records, let seconds):
            nextDue = records.map(Double.init) ?? (now(0) + (seconds ?? 0))
        case .trigger(let rule, let window):
            policy = TriggerPolicy(rules: [rule])
            windowSize = window
        case .detector(let kind): detector = AnyDetector(kind)
        }
        func restartMonitoring(baseline: Double?, reference: [[Double]]?) {
            if case .detector(let kind) = strategy.when { detector = AnyDetector(kind) }
            if case .trigger(let rule, _) = strategy.when { policy = TriggerPolicy(rules: [rule]) }
            signals.reset(baseline: baseline, reference: reference)
        }

        let bucket = max(1, n / max(settings.points, 1))
        var points: [StrategyResult.Point] = []
        var bucketSum = 0.0, bucketCount = 0, bucketAge = 0.0, bucketRecords = 0
        var totalSum = 0.0, totalCount = 0, ageSum = 0.0
        var out = [Double](repeating: 0, count: task.outputWidth)
        var candidateOut = [Double](repeating: 0, count: task.outputWidth)

        try timeline.values.withUnsafeBufferPointer { values in
            func row(_ i: Int) -> UnsafeBufferPointer<Double> { UnsafeBufferPointer(rebasing: values[(i * d)..<((i + 1) * d)]) }

            func promote(_ model: any EmbeddedModel, until: Int, window: TrainingWindow?) {
                champion = model
                generation += 1
                trainedUntil = until
                var baseline: Double? = nil
                var reference: [[Double]]? = nil
                if let window, windowSize > 0 {
                    // The new model's in-sample error and its training rows are the trigger's baseline.
                    var sum = 0.0, count = 0
                    var columns = [[Double]](repeating: [], count: d)
                    let stride = max(1, window.count / 5000)
                    window.values.withUnsafeBufferPointer { w in
                        out.withUnsafeMutableBufferPointer { o in
                            for r in Swift.stride(from: 0, to: window.count, by: stride) {
                                let x = UnsafeBufferPointer(rebasing: w[(r * d)..<((r + 1) * d)])
                                let v = outcome(model, row: x, label: window.labels[r], out: o)
                                if !v.isNaN { sum += regression ? v : 1 - v; count += 1 }
                                for i in 0..<d where !x[i].isNaN { columns[i].append(x[i]) }
                            }
                        }
                    }
                    let rate = sum / Double(max(count, 1))
                    baseline = regression ? rate.squareRoot() : rate
                    reference = columns
                }
                restartMonitoring(baseline: baseline, reference: reference)
            }

            func retrain(at i: Int) throws -> Bool {
                let end = known
                var start = 0
                if let w = strategy.windowRecords { start = max(0, end - w) }
                guard end - start >= strategy.minRecords else { return false }
                var window = TrainingWindow(width: d, capacity: end - start)
                for j in start..<end where !timeline.labels[j].isNaN {
                    window.append(values[(j * d)..<((j + 1) * d)], label: timeline.labels[j])
                }
                guard window.count >= strategy.minRecords else { return false }
                let (model, seconds) = try retrainer.train(window, retrain: retrains.count + 1)
                trainSeconds += seconds
                let immediate = strategy.shadowRecords == 0
                retrains.append(StrategyResult.Retrain(index: i, timeMs: hasTimes ? times[i] : nil, rows: window.count,
                                                       seconds: seconds, promoted: immediate,
                                                       servedFrom: immediate ? i : nil))
                if immediate {
                    promote(model, until: end - 1, window: window)
                } else {
                    candidate = Candidate(model: model, start: i, end: min(n, i + strategy.shadowRecords), outcomes: [],
                                          trainedUntil: end - 1, retrain: retrains.count - 1)
                }
                return true
            }

            func judge(_ c: Candidate, at i: Int) {
                var champSum = 0.0, candSum = 0.0, count = 0
                for (k, v) in c.outcomes.enumerated() where !v.isNaN && !outcomes[c.start + k].isNaN {
                    candSum += v
                    champSum += outcomes[c.start + k]
                    count += 1
                }
                let m = Double(max(count, 1))
                let passes = count > 0 && strategy.gate.allSatisfy { clause in
                    switch clause.metric {
                    case .accuracyDelta: return clause.holds((candSum - champSum) / m)
                    case .accuracy: return clause.holds(candSum / m)
                    case .rmseGain: return clause.holds((champSum / m).squareRoot() - (candSum / m).squareRoot())
                    case .rmse: return clause.holds((candSum / m).squareRoot())
                    case .records: return clause.holds(Double(count))
                    }
                }
                if passes {
                    retrains[c.retrain].promoted = true
                    retrains[c.retrain].servedFrom = i
                    promote(c.model, until: c.trainedUntil, window: nil)
                }
                candidate = nil
            }

            for i in 0..<n {
                let t = now(i)
                // Labels that became visible before this record.
                while known < i && visible(known) <= t {
                    let j = known
                    known += 1
                    let v = outcomes[j]
                    if v.isNaN || Int(generations[j]) != generation { continue }
                    let error = regression ? v : 1 - v
                    if detector != nil, detector!.update(error) == .drift { pending = true }
                    if policy != nil {
                        signals.add(error: error, row: values[(j * d)..<((j + 1) * d)])
                        if signals.count >= windowSize, let observations = signals.close() {
                            let actions = policy!.step(observations, now: hasTimes ? times[j] / 1000 : Double(j))
                            if actions.contains(where: { if case .alert = $0 { true } else { false } }) { pending = true }
                        }
                    }
                }
                if let c = candidate, known >= c.end { judge(c, at: i) }
                if case .periodic(let records, let seconds) = strategy.when {
                    // Every `records` records (by index), or every `seconds` of record time.
                    let clock = records == nil ? t : Double(i)
                    if clock >= nextDue {
                        pending = true
                        let period = records.map(Double.init) ?? seconds ?? 1
                        while nextDue <= clock { nextDue += period }
                    }
                }
                if pending && candidate == nil {
                    if try retrain(at: i) { pending = false }
                    else if case .periodic = strategy.when { pending = false }
                } else if pending {
                    pending = false
                }
                // Serve record i.
                let x = row(i)
                let v = out.withUnsafeMutableBufferPointer { outcome(champion, row: x, label: timeline.labels[i], out: $0) }
                outcomes[i] = v
                generations[i] = Int32(truncatingIfNeeded: generation)
                if var c = candidate, i < c.end {
                    c.outcomes.append(candidateOut.withUnsafeMutableBufferPointer {
                        outcome(c.model, row: x, label: timeline.labels[i], out: $0)
                    })
                    candidate = c
                }
                let age = hasTimes ? (times[i] - times[trainedUntil]) / 1000 : Double(i - trainedUntil)
                ageSum += age
                bucketAge += age
                bucketRecords += 1
                if !v.isNaN {
                    bucketSum += v; bucketCount += 1
                    totalSum += v; totalCount += 1
                }
                if bucketRecords == bucket || i == n - 1 {
                    let m = bucketSum / Double(max(bucketCount, 1))
                    points.append(StrategyResult.Point(
                        index: i, timeMs: hasTimes ? times[i] : nil,
                        metric: bucketCount == 0 ? .nan : (regression ? m.squareRoot() : m),
                        retrains: retrains.count, age: bucketAge / Double(bucketRecords), stale: false))
                    bucketSum = 0; bucketCount = 0; bucketAge = 0; bucketRecords = 0
                }
            }
        }
        let mean = totalSum / Double(max(totalCount, 1))
        return StrategyResult(name: strategy.name, summary: strategy.summary, metricName: regression ? "rmse" : "accuracy",
                              metric: regression ? mean.squareRoot() : mean, retrains: retrains,
                              trainSeconds: trainSeconds, labelDelay: delay, meanAge: ageSum / Double(max(n, 1)),
                              stale: 0, points: points)
    }
}
