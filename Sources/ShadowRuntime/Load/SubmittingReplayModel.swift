import ShadowCore

/// A model that can send a batch at once and call back with the answers, without the caller waiting. The paced
/// scheduler sends through it at each intended instant itself, instead of starting a task that the cooperative
/// pool may run late (that delay would count as latency: it is measured from the intended instant).
protocol SubmittingReplayModel: ReplayModel {
    /// Sends `batch` now; `done` receives the answers on the model's own thread.
    func start(_ batch: RecordBatch, done: @escaping @Sendable (PredictionBatch) -> Void)
}

extension HTTPReplayModel: SubmittingReplayModel {}
