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
        var rows: [DisagreementRow] = []
        var counts = models.dropFirst().map { ShadowSummary(name: $0.name) }
        let champion = predictions[0]
        for s in 1..<models.count {
            let shadow = predictions[s]
            counts[s - 1].compared = batch.records.count
            for i in batch.records.indices {
                guard let verdict = comparator.compare(
                    champion: champion.row(i), championError: champion.errors[i],
                    shadow: shadow.row(i), shadowError: shadow.errors[i])
                else { continue }
                counts[s - 1].count(verdict.kind)
                let record = batch.records[i]
                rows.append(DisagreementRow(
                    recordID: record.id, recordTimeMs: record.epochMs, shadow: models[s].name, kind: verdict.kind,
                    championOutput: OutputJSON.render(champion.row(i), error: champion.errors[i]),
                    shadowOutput: OutputJSON.render(shadow.row(i), error: shadow.errors[i]),
                    delta: verdict.delta, featuresJSON: storeFeatures ? batch.featuresJSON(of: i) : nil))
            }
        }
        return BatchResult(sequence: chunk.sequence, batch: batch, records: batch.records.count, rejects: batch.rejects, rows: rows,
                           models: models, predictions: predictions, counts: counts, endOffset: chunk.endOffset,
                           endLine: chunk.endLine)
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
