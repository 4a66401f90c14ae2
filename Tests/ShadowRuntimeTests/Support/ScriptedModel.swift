import ShadowCore

/// A replay model whose answers a test scripts per record: the in-memory twin of a real model.
struct ScriptedModel: ReplayModel {
    let name: String
    let role: ModelRole
    let task: ModelTask = .binary
    let digest = "scripted"
    let answer: @Sendable (TrafficRecord) -> Result<Double, ModelErrorCode>

    func predict(_ batch: RecordBatch) async -> PredictionBatch {
        var out = PredictionBatch(count: batch.records.count, width: 1)
        for (i, record) in batch.records.enumerated() {
            switch answer(record) {
            case .success(let p): out.values[i] = p
            case .failure(let code): out.errors[i] = code
            }
            out.latencyNanos[i] = 1_000
        }
        return out
    }
}
