import ShadowCore

/// What a promotion gate is judged on: one shadow's comparison with the champion in one finished run.
public struct GateEvidence: Sendable, Equatable, Codable {
    /// One model's latency percentiles in the run (milliseconds) and its request counts.
    public struct Latency: Sendable, Equatable, Codable {
        /// Requests sent to the model.
        public var requests: Int
        /// Requests that failed.
        public var errors: Int
        /// Median latency.
        public var p50Ms: Double
        /// 99th-percentile latency.
        public var p99Ms: Double
        /// 99.9th-percentile latency.
        public var p999Ms: Double

        /// Creates latency figures.
        public init(requests: Int, errors: Int, p50Ms: Double, p99Ms: Double, p999Ms: Double) {
            self.requests = requests
            self.errors = errors
            self.p50Ms = p50Ms
            self.p99Ms = p99Ms
            self.p999Ms = p999Ms
        }
    }

    /// The run measured.
    public var run: Int64
    /// The shadow judged.
    public var shadow: String
    /// The run's champion.
    public var champion: String
    /// Records both the champion and the shadow were asked about.
    public var compared: Int
    /// Disagreements of every kind.
    public var disagreements: Int
    /// Label flips.
    public var labelFlips: Int
    /// The shadow's latency row, if the run has one.
    public var shadowLatency: Latency?
    /// The champion's latency row, if the run has one.
    public var championLatency: Latency?

    /// Creates evidence from its figures.
    public init(run: Int64, shadow: String, champion: String, compared: Int, disagreements: Int, labelFlips: Int,
                shadowLatency: Latency?, championLatency: Latency?) {
        self.run = run
        self.shadow = shadow
        self.champion = champion
        self.compared = compared
        self.disagreements = disagreements
        self.labelFlips = labelFlips
        self.shadowLatency = shadowLatency
        self.championLatency = championLatency
    }

    /// The measured value of `metric`, or why it has none (no records, no latency row, a zero champion latency).
    public func value(of metric: GateClause.Metric) -> Result<Double, GateVerdict.Unmeasurable> {
        func rate(_ count: Int) -> Result<Double, GateVerdict.Unmeasurable> {
            compared > 0 ? .success(Double(count) / Double(compared))
                : .failure(.init("run \(run) compared no records for \(shadow)"))
        }
        func ratio(_ pick: (Latency) -> Double, _ name: String) -> Result<Double, GateVerdict.Unmeasurable> {
            guard let s = shadowLatency, let c = championLatency else {
                return .failure(.init("run \(run) has no latency rows for \(shadow) and \(champion)"))
            }
            guard pick(c) > 0 else { return .failure(.init("the champion's \(name) latency in run \(run) is 0")) }
            return .success(pick(s) / pick(c))
        }
        switch metric {
        case .records: return .success(Double(compared))
        case .disagreementRate: return rate(disagreements)
        case .labelFlipRate: return rate(labelFlips)
        case .errorRate:
            guard let s = shadowLatency, s.requests > 0 else {
                return .failure(.init("run \(run) sent no requests to \(shadow)"))
            }
            return .success(Double(s.errors) / Double(s.requests))
        case .p50Ratio: return ratio(\.p50Ms, "p50")
        case .p99Ratio: return ratio(\.p99Ms, "p99")
        case .p999Ratio: return ratio(\.p999Ms, "p99.9")
        }
    }
}
