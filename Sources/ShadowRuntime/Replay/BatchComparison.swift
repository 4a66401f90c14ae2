import ShadowCore

/// Each shadow compared with the champion, record by record: the disagreement rows and the counts per shadow.
/// One rule for the unpaced pipeline (`BatchProcessor`) and the paced one (`ChunkCollector`).
enum BatchComparison {
    /// Compares `predictions` (champion first, in `models` order) over `batch`.
    ///
    /// The features and recorded answers of the records that disagree are copied once into one buffer per batch,
    /// which the rows share: no allocation or UTF-8 check per row, and a row queued for the store keeps only the
    /// bytes it needs alive, not the whole batch text.
    static func compare(_ batch: RecordBatch, predictions: [PredictionBatch], models: [any ReplayModel],
                        comparator: Comparator, storeFeatures: Bool) -> (rows: [DisagreementRow], counts: [ShadowSummary]) {
        var counts = models.dropFirst().map { ShadowSummary(name: $0.name) }
        let champion = predictions[0]
        var found: [(shadow: Int, record: Int, verdict: Comparator.Verdict)] = []
        for s in models.indices.dropFirst() {
            let shadow = predictions[s]
            counts[s - 1].compared = batch.records.count
            for i in batch.records.indices {
                guard let verdict = comparator.compare(
                    champion: champion.row(i), championError: champion.errors[i],
                    shadow: shadow.row(i), shadowError: shadow.errors[i])
                else { continue }
                counts[s - 1].count(verdict.kind)
                found.append((s, i, verdict))
            }
        }
        if found.isEmpty { return ([], counts) }
        let texts = RowTexts(batch, records: found.lazy.map(\.record), features: storeFeatures)
        // Both outputs of every row rendered into one buffer, which the rows share (no String per output).
        var outputs: [UInt8] = []
        outputs.reserveCapacity(found.count * 48)
        var ranges: [(champion: Range<Int>, shadow: Range<Int>)] = []
        ranges.reserveCapacity(found.count)
        for (s, i, _) in found {
            let start = outputs.count
            OutputJSON.append(champion.row(i), error: champion.errors[i], to: &outputs)
            let middle = outputs.count
            OutputJSON.append(predictions[s].row(i), error: predictions[s].errors[i], to: &outputs)
            ranges.append((start..<middle, middle..<outputs.count))
        }
        var rows: [DisagreementRow] = []
        rows.reserveCapacity(found.count)
        for (n, (s, i, verdict)) in found.enumerated() {
            rows.append(DisagreementRow(
                recordID: batch.records[i].id, recordTimeMs: batch.records[i].epochMs, shadow: models[s].name,
                kind: verdict.kind,
                championText: JSONText(sharing: outputs, range: ranges[n].champion),
                shadowText: JSONText(sharing: outputs, range: ranges[n].shadow),
                delta: verdict.delta, features: texts.features(i), recorded: texts.recorded(i)))
        }
        return (rows, counts)
    }

    /// Each model (champion included) compared with the answers production recorded, over the batch's records
    /// that carry one. The recorded answer stands where the champion does in `compare`. Empty when none does.
    static func recorded(_ batch: RecordBatch, predictions: [PredictionBatch], models: [any ReplayModel],
                         comparator: Comparator) -> [RecordedSummary] {
        guard batch.records.contains(where: { $0.recorded != nil }) else { return [] }
        var out = models.map { RecordedSummary(model: $0.name) }
        for i in batch.records.indices {
            guard let answer = batch.records[i].recorded else { continue }
            for m in models.indices {
                let prediction = predictions[m]
                out[m].compared += 1
                if prediction.errors[i] != nil {
                    out[m].modelError += 1
                    continue
                }
                let row = prediction.row(i)
                // A classifier's recorded label (one integer or bool): only the decision can be compared.
                if answer.integral, answer.values.count == 1, let predicted = comparator.predictedLabel(row) {
                    if Int(exactly: answer.values[0]) != predicted { out[m].labelFlip += 1 }
                    continue
                }
                guard let expected = aligned(answer.values, width: row.count) else {
                    out[m].unreadable += 1
                    continue
                }
                guard let verdict = comparator.compare(champion: expected, championError: nil,
                                                       shadow: row, shadowError: nil) else { continue }
                switch verdict.kind {
                case .labelFlip: out[m].labelFlip += 1
                case .scoreDelta: out[m].scoreDelta += 1
                case .shadowError: out[m].modelError += 1
                }
            }
        }
        return out
    }

    /// A recorded answer shaped like a model row of `width` values: as is when the counts match; for a one-value
    /// (binary) row, the positive class of a two-probability answer. Nil when it cannot be matched.
    static func aligned(_ values: [Double], width: Int) -> ArraySlice<Double>? {
        if values.count == width, width > 0 { return values[...] }
        if width == 1, values.count == 2 { return values[1...] }
        return nil
    }
}
