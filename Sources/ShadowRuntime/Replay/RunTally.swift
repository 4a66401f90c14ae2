import ShadowCore

/// Running totals of a run, fed batch results in input order. Keyed by model name, so a reload that swaps the
/// models part-way keeps counting (a model that appears later starts from zero).
public struct RunTally: Sendable {
    var order: [(name: String, role: ModelRole)] = []
    var latency: [String: LatencyRecorder] = [:]
    var shadows: [String: ShadowSummary] = [:]
    var recorded: [String: RecordedSummary] = [:]
    public internal(set) var progress = ReplayProgress()

    public init(records: Int = 0, rejects: Int = 0) {
        progress.records = records
        progress.rejects = rejects
    }

    mutating func add(_ result: BatchResult) {
        progress.records += result.records
        progress.rejects += result.rejects.count
        progress.disagreements += result.rows.count
        for (m, model) in result.models.enumerated() {
            if latency[model.name] == nil {
                order.append((model.name, model.role))
                latency[model.name] = LatencyRecorder()
            }
            let prediction = result.predictions[m]
            // One lookup per batch, not per record; the recorder is mutated in place.
            latency[model.name]!.record(prediction)
        }
        for counts in result.counts {
            var total = shadows[counts.name] ?? ShadowSummary(name: counts.name)
            total.compared += counts.compared
            total.labelFlip += counts.labelFlip
            total.scoreDelta += counts.scoreDelta
            total.shadowError += counts.shadowError
            shadows[counts.name] = total
        }
        for counts in result.recorded {
            recorded[counts.model, default: RecordedSummary(model: counts.model)].add(counts)
        }
    }

    public func summary(run: Int64, seconds: Double) -> RunSummary {
        let perModel = order.map { name, role in
            let r = latency[name]!
            return ModelSummary(
                name: name, role: role.rawValue, requests: r.count + r.errors, errors: r.errors,
                p50Ms: r.milliseconds(atPercentile: 50), p99Ms: r.milliseconds(atPercentile: 99),
                throughput: seconds > 0 ? Double(r.count) / seconds : 0)
        }
        let perShadow = order.compactMap { shadows[$0.name] }
        return RunSummary(run: run, records: progress.records, rejects: progress.rejects, seconds: seconds,
                          models: perModel, shadows: perShadow, recorded: order.compactMap { recorded[$0.name] })
    }

    public func latencyRows(seconds: Double) -> [LatencyRow] {
        order.map { name, _ in
            let r = latency[name]!
            return LatencyRow(
                model: name, count: r.count + r.errors, errors: r.errors,
                p50Ms: r.milliseconds(atPercentile: 50), p90Ms: r.milliseconds(atPercentile: 90),
                p99Ms: r.milliseconds(atPercentile: 99), p999Ms: r.milliseconds(atPercentile: 99.9),
                maxMs: r.maxMilliseconds, throughput: seconds > 0 ? Double(r.count) / seconds : 0,
                histogram: r.encodedHistogram())
        }
    }
}
