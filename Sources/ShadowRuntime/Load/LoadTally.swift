import ShadowConfig
import ShadowCore

/// What a paced replay adds up besides `RunTally` (which gets the corrected latencies): per model the service
/// time, cap hits, timeouts and interval histograms; the scheduler's lag; and the span of the run.
struct LoadTally: Sendable {
    var service: [LatencyRecorder]
    var capHits: [Int]
    var timeouts: [Int]
    var lag = LatencyRecorder()
    var intervals: IntervalHistograms
    /// Requests dispatched, and the last intended offset (ns from the start).
    var requests = 0
    var lastIntendedOffset: UInt64 = 0
    /// Monotonic instants of the run's start (intended instant 0) and of the last answer.
    var start: UInt64 = 0
    var lastDone: UInt64 = 0

    init(models: Int, intervalNanos: UInt64) {
        service = Array(repeating: LatencyRecorder(), count: models)
        capHits = Array(repeating: 0, count: models)
        timeouts = Array(repeating: 0, count: models)
        intervals = IntervalHistograms(models: models, widthNanos: intervalNanos)
    }

    /// Adds a completed chunk's timings.
    mutating func add(_ timings: ChunkTimings, errors: [PredictionBatch]) {
        for m in timings.service.indices {
            for i in timings.service[m].indices {
                let offset = timings.intended[i] &- start
                lag.record(nanos: timings.sent[m][i] &- timings.intended[i])
                lastDone = max(lastDone, timings.done[m][i])
                if let error = errors[m].errors[i] {
                    service[m].recordError()
                    if error == .timeout { timeouts[m] += 1 }
                    continue
                }
                service[m].record(nanos: timings.service[m][i])
                intervals.record(model: m, offsetNanos: offset, nanos: timings.service[m][i])
            }
        }
    }

    /// The report, with `run` (the RunTally) giving the corrected latencies and the verdicts computed here.
    func report(settings: LoadSettings, models: [(name: String, role: ModelRole)], run: RunTally) -> LoadReport {
        let seconds = lastDone > start ? Double(lastDone - start) / 1e9 : 0
        let offered: Double? = ArrivalSchedule.isOpenLoop(settings.profile) && lastIntendedOffset > 0 && requests > 1
            ? Double(requests - 1) / (Double(lastIntendedOffset) / 1e9) : nil
        var perModel: [LoadModelReport] = []
        for (m, model) in models.enumerated() {
            let corrected = run.latency[model.name] ?? LatencyRecorder()
            let s = service[m]
            perModel.append(LoadModelReport(
                name: model.name, role: model.role.rawValue, requests: s.count + s.errors, errors: s.errors,
                timeouts: timeouts[m], capHits: capHits[m], achievedRate: seconds > 0 ? Double(s.count) / seconds : 0,
                p50Ms: corrected.milliseconds(atPercentile: 50), p90Ms: corrected.milliseconds(atPercentile: 90),
                p99Ms: corrected.milliseconds(atPercentile: 99), p999Ms: corrected.milliseconds(atPercentile: 99.9),
                maxMs: corrected.maxMilliseconds,
                serviceP50Ms: s.milliseconds(atPercentile: 50), serviceP90Ms: s.milliseconds(atPercentile: 90),
                serviceP99Ms: s.milliseconds(atPercentile: 99), serviceP999Ms: s.milliseconds(atPercentile: 99.9),
                serviceMaxMs: s.maxMilliseconds, serviceHistogram: s.encodedHistogram()))
        }
        return LoadReport(profile: settings.describe, requests: requests, seconds: seconds, offeredRate: offered,
                          achievedRate: seconds > 0 ? Double(run.progress.records) / seconds : 0,
                          lagP50Ms: lag.milliseconds(atPercentile: 50), lagP99Ms: lag.milliseconds(atPercentile: 99),
                          lagMaxMs: lag.maxMilliseconds, models: perModel,
                          verdicts: verdicts(models: models, resamples: settings.resamples))
    }

    /// Each shadow and replica against the champion (model 0) at p50, p90 and p99, on service times.
    func verdicts(models: [(name: String, role: ModelRole)], resamples: Int) -> [LatencyVerdict] {
        guard models.count > 1, service[0].count > 0 else { return [] }
        let percentiles = [50.0, 90, 99]
        let bootstrap = VerdictBootstrap(resamples: resamples, seed: 0x5eed)
        let champion = intervals.intervals(of: 0)
        var out: [LatencyVerdict] = []
        for m in 1..<models.count where service[m].count > 0 {
            let points = percentiles.map { p in
                service[m].milliseconds(atPercentile: p) / max(service[0].milliseconds(atPercentile: p), 1e-9)
            }
            out += bootstrap.verdicts(shadow: models[m].name, champion: models[0].name, percentiles: percentiles,
                                      points: points, championIntervals: champion,
                                      shadowIntervals: intervals.intervals(of: m))
        }
        return out
    }
}
