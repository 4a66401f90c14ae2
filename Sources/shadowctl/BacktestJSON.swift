import ShadowBacktest

/// `shadowctl backtest --json`: the run's size and time, and every strategy's result.
struct BacktestJSON: Encodable {
    /// One strategy.
    struct Strategy: Encodable {
        var rank: Int
        var name: String
        var summary: String
        var metricName: String
        var metric: Double
        var retrains: [StrategyResult.Retrain]
        var trainSeconds: Double
        var labelDelay: Double
        var meanAge: Double
        var stale: Double
        var points: [StrategyResult.Point]

        enum CodingKeys: String, CodingKey {
            case rank, name, summary, metric, retrains, stale, points
            case metricName = "metric_name"
            case trainSeconds = "train_seconds"
            case labelDelay = "label_delay"
            case meanAge = "mean_age"
        }
    }

    var records: Int
    var seconds: Double
    var strategies: [Strategy]

    init(records: Int, seconds: Double, results: [StrategyResult]) {
        self.records = records
        self.seconds = seconds
        strategies = results.map {
            Strategy(rank: $0.rank, name: $0.name, summary: $0.summary, metricName: $0.metricName, metric: $0.metric,
                     retrains: $0.retrains, trainSeconds: $0.trainSeconds, labelDelay: $0.labelDelay,
                     meanAge: $0.meanAge, stale: $0.stale, points: $0.points)
        }
    }
}
