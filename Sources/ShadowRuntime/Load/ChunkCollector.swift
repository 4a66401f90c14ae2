import ShadowCore
import Synchronization

/// Gathers the answers to one chunk's records as they arrive from concurrent requests (one record, one model
/// each); complete once every model has answered every record.
final class ChunkCollector: Sendable {
    let batch: RecordBatch
    let endOffset: Int64
    let endLine: Int
    private let state: Mutex<State>

    struct State: Sendable {
        var predictions: [PredictionBatch]
        var timings: ChunkTimings
        var remaining: Int
    }

    init(batch: RecordBatch, widths: [Int], endOffset: Int64, endLine: Int) {
        self.batch = batch
        self.endOffset = endOffset
        self.endLine = endLine
        let n = batch.records.count
        state = Mutex(State(predictions: widths.map { PredictionBatch(count: n, width: $0) },
                            timings: ChunkTimings(records: n, models: widths.count), remaining: n * widths.count))
    }

    /// Notes record `index`'s intended instant (before any of its requests is sent).
    func intend(_ index: Int, at instant: UInt64) {
        state.withLock { $0.timings.intended[index] = instant }
    }

    /// Stores model `model`'s answer to record `index` (a one-record prediction), sent and answered at the given
    /// instants; its latency becomes the wait from the intended instant to the send plus the service time
    /// (coordinated-omission corrected).
    func finish(_ index: Int, model: Int, answer: PredictionBatch, sent: UInt64, done: UInt64) {
        state.withLock { s in
            let width = s.predictions[model].width
            if answer.count == 1 && answer.width == width {
                for k in 0..<width { s.predictions[model].values[index * width + k] = answer.values[k] }
                s.predictions[model].errors[index] = answer.errors[0]
            } else {
                s.predictions[model].errors[index] = .undecodable
            }
            // The model's own measure of the request (an HTTP model times the wire, from the write on its
            // connection to the parsed answer) is the service time when it has one; the time the answer took to
            // come back to this task is then left out. The wait before the send stays in (coordinated omission).
            let own = answer.count == 1 ? answer.latencyNanos[0] : 0
            let service = own > 0 && own <= done &- sent ? own : done &- sent
            s.predictions[model].latencyNanos[index] = (sent &- s.timings.intended[index]) &+ service
            s.timings.sent[model][index] = sent
            s.timings.done[model][index] = sent &+ service
            s.remaining -= 1
        }
    }

    /// Whether every request of the chunk has been answered.
    var isComplete: Bool { state.withLock { $0.remaining == 0 } }

    /// The answers and timings (read once complete).
    var collected: (predictions: [PredictionBatch], timings: ChunkTimings) {
        state.withLock { ($0.predictions, $0.timings) }
    }
}
