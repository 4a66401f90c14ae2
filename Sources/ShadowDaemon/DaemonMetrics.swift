import ShadowControl
import ShadowCore
import ShadowMetrics

/// What `/metrics` serves from a running daemon: build info and start time, the replay counters, drift values
/// and triggers from the database, and the jobs by state.
struct DaemonMetrics: MetricsCollector {
    /// Job states, always reported (zero when no job is in one).
    static let jobStates: [JobInfo.State] = [.queued, .running, .following, .done, .failed, .cancelled]

    let jobs: JobRegistry

    /// The collectors of a daemon, in the order their families are written.
    static func registry(replay: ReplayMetrics, jobs: JobRegistry, database: String, startMs: Double) -> MetricsRegistry {
        MetricsRegistry([BuildInfo(startMs: startMs), replay, MetricsDatabaseReader(database: database),
                         DaemonMetrics(jobs: jobs)])
    }

    func collect(nowMs: Double) -> [MetricFamily] {
        let all = jobs.all
        return [MetricFamily(.jobs, samples: Self.jobStates.map { state in
            MetricSample(labels: [MetricLabel("state", state.rawValue)],
                         value: Double(all.filter { $0.state == state }.count))
        })]
    }
}
