extension RunReport {
    /// One model's interval (`timeline` row).
    public struct ModelInterval: Sendable, Equatable {
        /// Model name.
        public var model: String
        /// Interval number.
        public var interval: Int64
        /// Seconds from the first interval's start to this interval's end.
        public var elapsed: Double
        /// Requests sent in the interval.
        public var requests: Int64
        /// Failed requests.
        public var errors: Int64
        /// Median and p99 latency in ms.
        public var p50: Double?, p99: Double?
        /// Answers per second over the interval.
        public var throughput: Double?
    }

    /// One shadow's disagreement rate in one interval (`timeline_rates` row).
    public struct ShadowRate: Sendable, Equatable {
        /// Shadow (or replica) name.
        public var shadow: String
        /// Its role.
        public var role: String?
        /// `any` or a disagreement kind.
        public var kind: String
        /// Interval number.
        public var interval: Int64
        /// Seconds from the first interval's start to this interval's end.
        public var elapsed: Double
        /// Records compared.
        public var compared: Int64
        /// Disagreements.
        public var disagreements: Int64
        /// disagreements / compared.
        public var rate: Double
        /// The run's rate for this shadow and kind.
        public var runRate: Double
        /// 1.96·√(p(1−p)/n): the binomial noise half-width at this interval's n.
        public var noise: Double
        /// A replica's rate in the same interval, if the run had one.
        public var replicaRate: Double?
    }

    /// One feature's disagreement concentration (`feature_lift` row).
    public struct FeatureLift: Sendable, Equatable {
        /// Shadow name.
        public var shadow: String
        /// Feature name.
        public var feature: String
        /// Records (estimated from the sample).
        public var records: Int64
        /// Disagreements counted in the sample.
        public var disagreements: Int64
        /// Total variation between the disagreements' and the records' bucket mix.
        public var skew: Double?
        /// The bucket with the highest lift.
        public var topBucket: String?
        /// Its lift (share of disagreements ÷ share of records).
        public var topLift: Double?
        /// Its share of disagreements.
        public var topShare: Double?
        /// Its share of records.
        public var topRecordShare: Double?
    }
}
