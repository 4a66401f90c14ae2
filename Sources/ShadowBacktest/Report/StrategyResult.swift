/// What one strategy did over the timeline.
public struct StrategyResult: Sendable, Equatable {
    /// One retrain: when it was decided, on what, how long it took, and whether its model served.
    public struct Retrain: Sendable, Equatable, Codable {
        /// Record index at which the retrain happened.
        public var index: Int
        /// Record time then (epoch ms; nil without times).
        public var timeMs: Double?
        /// Labelled rows in the training window.
        public var rows: Int
        /// Wall seconds training took.
        public var seconds: Double
        /// Whether the new model became champion (always, unless it shadowed and failed its gate).
        public var promoted: Bool
        /// Record index from which the new model served (nil when it never did).
        public var servedFrom: Int?
    }

    /// The metric over one run of records.
    public struct Point: Sendable, Equatable, Codable {
        /// Index of the run's last record.
        public var index: Int
        /// Time of the run's last record (epoch ms; nil without times).
        public var timeMs: Double?
        /// Accuracy (classification) or RMSE (regression) of the serving model over the run's labelled records.
        public var metric: Double
        /// Retrains so far.
        public var retrains: Int
        /// Mean model age over the run: seconds (records without times) since the newest row it was trained on.
        public var age: Double
        /// Whether the strategy was stale over this run (metric worse than the best strategy's by the margin).
        public var stale: Bool
    }

    public var name: String
    /// `StrategySettings.summary`.
    public var summary: String
    /// `accuracy` or `rmse`.
    public var metricName: String
    /// The metric over every labelled record.
    public var metric: Double
    public var retrains: [Retrain]
    /// Total wall seconds spent training.
    public var trainSeconds: Double
    /// The label delay the run used (seconds, or records without times).
    public var labelDelay: Double
    /// Mean model age over all records (seconds, or records without times).
    public var meanAge: Double
    /// Record time (seconds, or records without times) spent stale.
    public var stale: Double
    public var points: [Point]
    /// 1 for the best metric.
    public var rank = 0

    /// Retrains whose model served.
    public var promotedCount: Int { retrains.filter(\.promoted).count }
}
