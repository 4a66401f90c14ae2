import ShadowCore
import ShadowRuntime

/// Builds observed batches with chosen latencies, errors, disagreements and rejects.
enum TestBatches {
    /// A batch of `latencies.count` records answered by `models` (champion first) with the same latencies; `errors`
    /// marks failed records of a model by index; record times step by one second from `firstMs`.
    static func batch(models: [String], latencies: [UInt64], errors: [String: [Int: ModelErrorCode]] = [:],
                      disagreements: [(String, DisagreementKind)] = [], rejects: [RejectCode] = [],
                      firstMs: Double? = 1_741_000_000_000) -> ObservedBatch {
        let position = SourcePosition(file: "t.jsonl", line: 1, byteOffset: 0)
        let records = latencies.indices.map { i in
            TrafficRecord(id: "r\(i)", epochMs: firstMs.map { $0 + Double(i) * 1000 }, features: [1],
                          featuresJSON: 0..<0, position: position)
        }
        let batch = RecordBatch(sequence: 0, records: records,
                                rejects: rejects.map { Reject(position: position, code: $0, reason: "bad") })
        let predictions = models.map { name in
            var p = PredictionBatch(count: latencies.count, width: 1)
            p.latencyNanos = latencies
            for (index, code) in errors[name] ?? [:] { p.errors[index] = code }
            return p
        }
        let rows = disagreements.map { shadow, kind in
            DisagreementRow(recordID: "r0", recordTimeMs: nil, shadow: shadow, kind: kind, championOutput: "0",
                            shadowOutput: "1", delta: nil, featuresJSON: nil)
        }
        return ObservedBatch(run: 1, records: batch, schema: FeatureSchema(names: ["x"]), models: models,
                             predictions: predictions, disagreements: rows)
    }
}
