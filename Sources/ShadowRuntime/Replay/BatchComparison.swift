import ShadowCore

/// Each shadow compared with the champion, record by record: the disagreement rows and the counts per shadow.
/// One rule for the unpaced pipeline (`BatchProcessor`) and the paced one (`ChunkCollector`).
enum BatchComparison {
    /// Compares `predictions` (champion first, in `models` order) over `batch`.
    static func compare(_ batch: RecordBatch, predictions: [PredictionBatch], models: [any ReplayModel],
                        comparator: Comparator, storeFeatures: Bool) -> (rows: [DisagreementRow], counts: [ShadowSummary]) {
        var rows: [DisagreementRow] = []
        var counts = models.dropFirst().map { ShadowSummary(name: $0.name) }
        let champion = predictions[0]
        for s in models.indices.dropFirst() {
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
        return (rows, counts)
    }
}
