extension RunReport {
    /// One drift statistic of one window (`drift` row).
    public struct DriftValue: Sendable, Equatable {
        /// Window number.
        public var window: Int64
        /// End of the window in record time (epoch ms), when records had times.
        public var windowEnd: Double?
        /// Signal name (`psi:x0`, `ks_pvalue:x0`, `disagreement:cand`, `error`).
        public var signal: String
        /// Feature, for per-feature statistics.
        public var feature: String?
        /// Statistic name.
        public var statistic: String
        /// Value (nil when it could not be computed).
        public var value: Double?
        /// The rule level it was compared with, if any.
        public var threshold: Double?
        /// Samples in the window.
        public var samples: Int64
    }

    /// A fired trigger (`triggers` row).
    public struct TriggerRow: Sendable, Equatable {
        /// Rule name.
        public var rule: String
        /// `warn`, `alert` or `retrain`.
        public var level: String
        /// Signal that crossed.
        public var signal: String?
        /// Statistic name.
        public var statistic: String?
        /// Its value.
        public var value: Double?
        /// The level it crossed.
        public var threshold: Double?
        /// Window number.
        public var window: Int64
        /// Record time of the window's end as stored.
        public var at: String?
        /// The exec hook's exit status.
        public var hookExit: Int64?
    }
}
