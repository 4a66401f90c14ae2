import ShadowCore
import ShadowModels

/// An embedded evaluator (XGBoost, LightGBM, linear) serving as a replay model, bound to the replay's feature schema.
public struct EmbeddedReplayModel: ReplayModel {
    public let name: String
    public let role: ModelRole
    public let digest: String
    public let kind: ModelSettings.Kind
    public let location: String
    let model: any EmbeddedModel

    public var task: ModelTask { model.task }

    /// Wraps a loaded model; `model` must already be bound to the schema the records are read with.
    public init(name: String, role: ModelRole, kind: ModelSettings.Kind, location: String, digest: String,
                model: any EmbeddedModel) {
        self.name = name
        self.role = role
        self.kind = kind
        self.location = location
        self.digest = digest
        self.model = model
    }

    public func predict(_ batch: RecordBatch) async -> PredictionBatch {
        let width = model.task.outputWidth
        var result = PredictionBatch(count: batch.records.count, width: width)
        result.values.withUnsafeMutableBufferPointer { values in
            // One clock read per record: each record's time runs from the previous record's end.
            var start = MonotonicClock.nanos()
            for index in batch.records.indices {
                let out = UnsafeMutableBufferPointer(rebasing: values[(index * width)..<((index + 1) * width)])
                let error = batch.records[index].features.withUnsafeBufferPointer { row in
                    model.predict(row, into: out)
                }
                let end = MonotonicClock.nanos()
                result.latencyNanos[index] = end &- start
                start = end
                if let error {
                    result.errors[index] = error
                    for i in out.indices { out[i] = .nan }
                }
            }
        }
        return result
    }
}
