import ShadowCore
import ShadowModels

/// Runs every strategy of a strategies file over one labelled timeline (concurrently, one task per strategy),
/// then marks stale stretches and ranks them.
public struct Backtest: Sendable {
    public let timeline: LabelledTimeline
    public let settings: BacktestSettings
    public let task: ModelTask
    /// Binary decision threshold on P(class 1).
    public let threshold: Double
    /// Folder for hook files.
    public let workDirectory: String

    /// A backtest of `settings.strategies` on `timeline`.
    public init(timeline: LabelledTimeline, settings: BacktestSettings, task: ModelTask, threshold: Double = 0.5,
                workDirectory: String = "/tmp") {
        self.timeline = timeline
        self.settings = settings
        self.task = task
        self.threshold = threshold
        self.workDirectory = workDirectory
    }

    /// The results in strategy order, each with its rank. `initial` must read the timeline's columns in order.
    public func run(initial: any EmbeddedModel) async throws -> [StrategyResult] {
        let results = try await withThrowingTaskGroup(of: (Int, StrategyResult).self) { group in
            for (k, strategy) in settings.strategies.enumerated() {
                let run = StrategyRun(timeline: timeline, strategy: strategy, settings: settings, task: task,
                                      threshold: threshold,
                                      retrainer: Retrainer(strategy: strategy, featureNames: timeline.featureNames,
                                                           task: task, workDirectory: workDirectory))
                group.addTask { (k, try run.run(initial: initial)) }
            }
            var out = [StrategyResult?](repeating: nil, count: settings.strategies.count)
            for try await (k, result) in group { out[k] = result }
            return out.map { $0! }
        }
        return Self.rank(Self.markStale(results, margin: settings.staleMargin, hasTimes: timeline.hasTimes))
    }

    /// Marks each point where a strategy's metric trails the best strategy's at that point by more than `margin`,
    /// and sums the record time (or records) of those points.
    static func markStale(_ results: [StrategyResult], margin: Double, hasTimes: Bool) -> [StrategyResult] {
        guard let first = results.first else { return results }
        let regression = first.metricName == "rmse"
        var out = results
        for p in first.points.indices {
            let values = results.map { p < $0.points.count ? $0.points[p].metric : .nan }.filter { !$0.isNaN }
            guard let best = regression ? values.min() : values.max() else { continue }
            let previous = p == 0 ? nil : first.points[p - 1]
            let span: Double
            if hasTimes, let end = first.points[p].timeMs {
                span = (end - (previous?.timeMs ?? end)) / 1000
            } else {
                span = Double(first.points[p].index - (previous?.index ?? -1))
            }
            for k in out.indices where p < out[k].points.count {
                let m = out[k].points[p].metric
                guard !m.isNaN else { continue }
                let behind = regression ? m - best : best - m
                if behind > margin {
                    out[k].points[p].stale = true
                    out[k].stale += span
                }
            }
        }
        return out
    }

    /// Rank 1 for the best metric (accuracy highest, RMSE lowest); ties by fewer retrains.
    static func rank(_ results: [StrategyResult]) -> [StrategyResult] {
        var out = results
        let order = results.indices.sorted { a, b in
            let x = results[a], y = results[b]
            if x.metric != y.metric { return x.metricName == "rmse" ? x.metric < y.metric : x.metric > y.metric }
            return x.retrains.count < y.retrains.count
        }
        for (position, k) in order.enumerated() { out[k].rank = position + 1 }
        return out
    }
}
