/// Everything the HTML report shows about one run (and optionally one backtest), read from the database.
/// A nil section means the database has no table for it (an older schema); an empty one means no rows.
public struct RunReport: Sendable {
    /// The run itself (nil for a report of a backtest alone).
    public var run: RunInfo?
    /// The run's models, champion first.
    public var models: [ModelInfo] = []
    /// Whole-run latency per model.
    public var latency: [ModelLatency] = []
    /// Per-interval model rows (`timeline`); nil without the table.
    public var intervals: [ModelInterval]?
    /// Per-interval disagreement rates (`timeline_rates`); nil without the view.
    public var rates: [ShadowRate]?
    /// Per-feature lift (`feature_lift`); nil without the view.
    public var features: [FeatureLift]?
    /// Drift statistics (`drift`); nil without the table.
    public var drift: [DriftValue]?
    /// Fired triggers (`triggers`); nil without the table.
    public var triggers: [TriggerRow]?
    /// The run manifest; nil when the run has none.
    public var manifest: ReportManifest?
    /// Why the manifest is missing or unreadable, when it is.
    public var manifestNote: String?
    /// The backtest shown beside the run, if any.
    public var backtest: BacktestReport?
    /// Why no backtest is shown (no table, none matching the run, none asked for).
    public var backtestNote: String?

    /// An empty report; the loader fills it.
    public init(run: RunInfo?) {
        self.run = run
    }
}
