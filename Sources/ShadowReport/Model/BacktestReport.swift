/// One backtest (`backtests` rows sharing a `backtest` id, and their `backtest_points`).
public struct BacktestReport: Sendable, Equatable {
    /// One strategy's row and its metric over time.
    public struct Strategy: Sendable, Equatable {
        /// Strategy name.
        public var name: String
        /// What the strategy does, in a phrase.
        public var summary: String
        /// `accuracy` or `rmse`.
        public var metricName: String
        /// Metric over every labelled record.
        public var metric: Double?
        /// 1 for the best.
        public var rank: Int64
        /// Retrains and promotions.
        public var retrains: Int64, promoted: Int64
        /// Seconds spent training (measured).
        public var trainSeconds: Double
        /// Label delay in seconds.
        public var labelDelay: Double
        /// Mean model age (seconds).
        public var meanAge: Double
        /// Share of the timeline spent stale.
        public var stale: Double
        /// Retrain instants (epoch ms, or nil without record times) and record indexes.
        public var retrainInstants: [(index: Int64, timeMs: Double?, promoted: Bool)]
        /// (record index, epoch ms or nil, metric) per point.
        public var points: [(index: Int64, timeMs: Double?, metric: Double?)]

        /// Compares every field, instants and points element by element.
        public static func == (a: Strategy, b: Strategy) -> Bool {
            a.name == b.name && a.summary == b.summary && a.metricName == b.metricName && a.metric == b.metric
                && a.rank == b.rank && a.retrains == b.retrains && a.promoted == b.promoted
                && a.trainSeconds == b.trainSeconds && a.labelDelay == b.labelDelay && a.meanAge == b.meanAge
                && a.stale == b.stale && a.retrainInstants.elementsEqual(b.retrainInstants, by: { $0 == $1 })
                && a.points.elementsEqual(b.points, by: { $0 == $1 })
        }
    }

    /// The backtest id (`bt-…`).
    public var id: String
    /// When it was written.
    public var createdAt: String
    /// Records replayed.
    public var records: Int64
    /// Input files.
    public var inputs: [String]
    /// Strategies by rank.
    public var strategies: [Strategy]
}
