/// How the timeline observer cuts a replay into intervals and values into buckets (README.md, "The database").
public struct TimelineSettings: Sendable, Equatable {
    /// An interval closes at the first committed batch after this many seconds of wall clock since it opened…
    public var intervalSeconds: Double
    /// …or once it holds this many records, whichever comes first (short replays still get a timeline).
    public var intervalRecords: Int
    /// Records whose values set the numeric bucket edges (deciles) and the categorical features of a run.
    public var warmupRecords: Int
    /// A feature with at most this many distinct values in the warm-up is categorical: one bucket per value, up to
    /// this many values, then `other`.
    public var maxCategories: Int
    /// Numeric features get this many quantile buckets (edges from the warm-up, rounded to 3 significant digits; at
    /// most 17).
    public var quantiles: Int
    /// Every `sampleEvery`-th record is counted in its buckets; every disagreement is counted.
    public var sampleEvery: Int
    /// Only the first this many features of the schema are bucketed.
    public var maxFeatures: Int
    /// Largest disagreements by |delta| kept per run, shadow and kind (`top_disagreements`).
    public var topK: Int
    /// Bucket counts and the top disagreements are written at most this often (seconds of wall clock), and when a
    /// run has been idle for an interval, and at `finish`.
    public var bucketFlushSeconds: Double

    /// The defaults: 1 s or 32,768 records per interval, 4,096 warm-up records, 16 categories, deciles, every 4th
    /// record sampled, 64 features, the top 1,000 per run, shadow and kind, buckets written every 10 s.
    public init(intervalSeconds: Double = 1, intervalRecords: Int = 32768, warmupRecords: Int = 4096,
                maxCategories: Int = 16, quantiles: Int = 10, sampleEvery: Int = 4, maxFeatures: Int = 64,
                topK: Int = 1000, bucketFlushSeconds: Double = 10) {
        self.intervalSeconds = intervalSeconds
        self.intervalRecords = intervalRecords
        self.warmupRecords = warmupRecords
        self.maxCategories = maxCategories
        self.quantiles = min(17, max(2, quantiles))
        self.sampleEvery = max(1, sampleEvery)
        self.maxFeatures = maxFeatures
        self.topK = topK
        self.bucketFlushSeconds = bucketFlushSeconds
    }
}
