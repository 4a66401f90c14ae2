import ShadowCore

/// Running totals of a replay, fed batch results in input order.
struct RunTally {
    let models: [any ReplayModel]
    var latency: [LatencyRecorder]
    var shadows: [ShadowSummary]
    var progress = ReplayProgress()

    init(models: [any ReplayModel]) {
        self.models = models
        latency = models.map { _ in LatencyRecorder() }
        shadows = models.dropFirst().map { ShadowSummary(name: $0.name) }
    }

    mutating func add(_ result: BatchResult) {
        progress.records += result.records
        progress.rejects += result.rejects.count
        progress.disagreements += result.rows.count
        progress.bytesDone = result.bytesDone
        for (m, prediction) in result.predictions.enumerated() {
            for i in 0..<prediction.count {
                if prediction.errors[i] == nil {
                    latency[m].record(nanos: prediction.latencyNanos[i])
                } else {
                    latency[m].recordError()
                }
            }
        }
        for (s, counts) in result.counts.enumerated() {
            shadows[s].compared += counts.compared
            shadows[s].labelFlip += counts.labelFlip
            shadows[s].scoreDelta += counts.scoreDelta
            shadows[s].shadowError += counts.shadowError
        }
    }

    func summary(run: Int64, seconds: Double) -> RunSummary {
        let perModel = models.indices.map { m in
            let answered = latency[m].count
            return ModelSummary(
                name: models[m].name, role: models[m].role.rawValue, requests: answered + latency[m].errors,
                errors: latency[m].errors, p50Ms: latency[m].milliseconds(atPercentile: 50),
                p99Ms: latency[m].milliseconds(atPercentile: 99),
                throughput: seconds > 0 ? Double(answered) / seconds : 0)
        }
        return RunSummary(run: run, records: progress.records, rejects: progress.rejects, seconds: seconds,
                          models: perModel, shadows: shadows)
    }

    func latencyRows(seconds: Double) -> [LatencyRow] {
        models.indices.map { m in
            let r = latency[m]
            return LatencyRow(
                model: models[m].name, count: r.count + r.errors, errors: r.errors,
                p50Ms: r.milliseconds(atPercentile: 50), p90Ms: r.milliseconds(atPercentile: 90),
                p99Ms: r.milliseconds(atPercentile: 99), p999Ms: r.milliseconds(atPercentile: 99.9),
                maxMs: r.maxMilliseconds, throughput: seconds > 0 ? Double(r.count) / seconds : 0,
                histogram: r.encodedHistogram())
        }
    }
}
