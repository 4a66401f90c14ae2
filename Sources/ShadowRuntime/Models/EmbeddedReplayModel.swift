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

    /// Evaluates the batch's records together (an ensemble walks each tree for a block of rows); each record's
    /// latency is the batch's evaluation time divided evenly.
    public func predict(_ batch: RecordBatch) async -> PredictionBatch {
        let width = model.task.outputWidth
        let count = batch.records.count
        var result = PredictionBatch(count: count, width: width)
        if count == 0 { return result }
        let start = MonotonicClock.nanos()
        // Rows are read in place through the records' buffer (an array subscript per row would retain and release
        // each record's features for every model).
        batch.records.withUnsafeBufferPointer { records in
            result.values.withUnsafeMutableBufferPointer { values in
                result.errors.withUnsafeMutableBufferPointer { errors in
                    model.predict(rows: count, withRow: { r, body in records[r].features.withUnsafeBufferPointer(body) },
                                  into: values, errors: errors)
                }
            }
        }
        let each = (MonotonicClock.nanos() &- start) / UInt64(count)
        for index in 0..<count {
            result.latencyNanos[index] = max(each, 1)
            if result.errors[index] != nil {
                for i in (index * width)..<((index + 1) * width) { result.values[i] = .nan }
            }
        }
        return result
    }
}
