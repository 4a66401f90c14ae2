import ShadowCore
import ShadowFiles
import ShadowScenario

/// Decodes a chunk, asks every model concurrently, and compares each shadow with the champion.
struct BatchProcessor: Sendable {
    /// Champion first, then shadows and replicas.
    let models: [any ReplayModel]
    let comparator: Comparator
    let storeFeatures: Bool
    /// Drift scenarios applied to each decoded batch (nil: none configured, and no cost).
    var injector: DriftInjector? = nil

    func process(_ chunk: LineChunk, decoder: RecordDecoder) async -> BatchResult {
        var batch = decoder.decode(chunk)
        if let injector { injector.apply(to: &batch) }
        let predictions = await predictAll(batch)
        let (rows, counts) = BatchComparison.compare(batch, predictions: predictions, models: models,
                                                     comparator: comparator, storeFeatures: storeFeatures)
        var result = BatchResult(sequence: chunk.sequence, batch: batch, records: batch.records.count,
                                 rejects: batch.rejects, rows: rows, models: models, predictions: predictions,
                                 counts: counts, endOffset: chunk.endOffset, endLine: chunk.endLine)
        result.recorded = BatchComparison.recorded(batch, predictions: predictions, models: models, comparator: comparator)
        return result
    }

    /// Sends the batch to every model at once; results come back in model order.
    func predictAll(_ batch: RecordBatch) async -> [PredictionBatch] {
        if models.count == 1 { return [await models[0].predict(batch)] }
        return await withTaskGroup(of: (Int, PredictionBatch).self) { group in
            for (index, model) in models.enumerated() {
                group.addTask { (index, await model.predict(batch)) }
            }
            var out = [PredictionBatch?](repeating: nil, count: models.count)
            for await (index, prediction) in group { out[index] = prediction }
            return out.map { $0! }
        }
    }
}
