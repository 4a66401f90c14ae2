import ShadowCore

/// Sees every batch of a replay once it is committed, in input order: the seam drift monitoring (and later
/// metrics) hangs on. Called on the replay's task; keep it quick, or hand work to a task of your own.
public protocol ReplayObserver: Sendable {
    /// One committed batch of `run`.
    func observe(_ batch: ObservedBatch) async
}

/// A committed batch as observers see it: the records, every model's answers, and the disagreements found.
public struct ObservedBatch: Sendable {
    public var run: Int64
    /// The decoded records (features in `schema` order, times, labels).
    public var records: RecordBatch
    public var schema: FeatureSchema
    /// Names of the models that answered, champion first; `predictions` is in the same order.
    public var models: [String]
    public var predictions: [PredictionBatch]
    public var disagreements: [DisagreementRow]

    public init(run: Int64, records: RecordBatch, schema: FeatureSchema, models: [String],
                predictions: [PredictionBatch], disagreements: [DisagreementRow]) {
        self.run = run
        self.records = records
        self.schema = schema
        self.models = models
        self.predictions = predictions
        self.disagreements = disagreements
    }
}
