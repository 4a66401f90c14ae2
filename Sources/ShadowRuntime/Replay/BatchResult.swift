import ShadowCore

/// What one batch produced once every model answered and the comparator ran.
struct BatchResult: Sendable {
    var sequence: Int
    var records: Int
    var rejects: [Reject]
    var rows: [DisagreementRow]
    /// Per model (engine order): each record's latency and error.
    var predictions: [PredictionBatch]
    /// Per shadow (engine order minus the champion): disagreements by kind.
    var counts: [ShadowSummary]
    var bytesDone: Int64
}
