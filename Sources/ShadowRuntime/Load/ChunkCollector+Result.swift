import ShadowCore

extension ChunkCollector {
    /// The chunk's `BatchResult` once complete: each shadow compared with the champion record by record (the
    /// same rules as the unpaced pipeline).
    func result(models: [any ReplayModel], comparator: Comparator, storeFeatures: Bool) -> (BatchResult, ChunkTimings) {
        let (predictions, timings) = collected
        let (rows, counts) = BatchComparison.compare(batch, predictions: predictions, models: models,
                                                     comparator: comparator, storeFeatures: storeFeatures)
        var result = BatchResult(sequence: batch.sequence, batch: batch, records: batch.records.count,
                                 rejects: batch.rejects, rows: rows, models: models, predictions: predictions,
                                 counts: counts, endOffset: endOffset, endLine: endLine)
        result.recorded = BatchComparison.recorded(batch, predictions: predictions, models: models, comparator: comparator)
        return (result, timings)
    }
}
