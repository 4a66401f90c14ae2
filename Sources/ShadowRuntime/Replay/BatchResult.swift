import ShadowCore

/// What one batch produced once every model answered and the comparator ran.
struct BatchResult: Sendable {
    var sequence: Int
    /// The decoded batch, for observers.
    var batch: RecordBatch
    var records: Int
    var rejects: [Reject]
    var rows: [DisagreementRow]
    /// The models that answered, champion first (the set in force when the batch ran).
    var models: [any ReplayModel]
    /// Per model: each record's latency and error.
    var predictions: [PredictionBatch]
    /// Per shadow (models minus the champion): disagreements by kind.
    var counts: [ShadowSummary]
    /// Per model: its answers compared with the recorded production answers (empty when the batch has none).
    var recorded: [RecordedSummary] = []
    /// File position after the batch: byte offset and lines consumed.
    var endOffset: Int64
    var endLine: Int
}
