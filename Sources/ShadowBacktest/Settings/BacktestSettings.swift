/// A strategies file: the label delay, the reporting grain, and the strategies to compare.
public struct BacktestSettings: Sendable, Equatable {
    /// Seconds of record time between a record and its label becoming visible.
    public var labelDelaySeconds: Double
    /// Records between a record and its label becoming visible (used when records carry no time).
    public var labelDelayRecords: Int
    /// Report points over the timeline (each averages an equal run of records).
    public var points: Int
    /// A strategy is stale at a point when its metric is this much worse than the best strategy's there.
    public var staleMargin: Double
    /// The strategies, in file order.
    public var strategies: [StrategySettings]

    /// Settings with no label delay, 200 points and a 0.02 stale margin.
    public init(labelDelaySeconds: Double = 0, labelDelayRecords: Int = 0, points: Int = 200, staleMargin: Double = 0.02,
                strategies: [StrategySettings] = []) {
        self.labelDelaySeconds = labelDelaySeconds
        self.labelDelayRecords = labelDelayRecords
        self.points = points
        self.staleMargin = staleMargin
        self.strategies = strategies
    }
}
