import ShadowCore
import Synchronization

/// The answers of one `predict` call to a process model, filled in by whichever thread learns each record's fate;
/// the caller waits once until every record has an answer or an error.
final class ProcessBatch: Sendable {
    private struct State {
        var result: PredictionBatch
        var remaining: Int
        var continuation: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>

    init(count: Int, width: Int) {
        state = Mutex(State(result: PredictionBatch(count: count, width: width), remaining: count))
    }

    /// Records the answer (`values`, padded or cut to the width) or `error` of record `index`; each index once.
    func complete(_ index: Int, values: [Double]? = nil, error: ModelErrorCode? = nil, latencyNanos: UInt64 = 0) {
        let resume = state.withLock { s -> CheckedContinuation<Void, Never>? in
            let width = s.result.width
            if let values, error == nil, values.count == width {
                for i in 0..<width { s.result.values[index * width + i] = values[i] }
            } else {
                s.result.errors[index] = error ?? .undecodable
            }
            s.result.latencyNanos[index] = latencyNanos
            s.remaining -= 1
            if s.remaining == 0, let c = s.continuation {
                s.continuation = nil
                return c
            }
            return nil
        }
        resume?.resume()
    }

    /// Waits until every record is complete and returns the answers.
    func wait() async -> PredictionBatch {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s -> Bool in
                if s.remaining == 0 { return true }
                s.continuation = c
                return false
            }
            if done { c.resume() }
        }
        return state.withLock { $0.result }
    }
}
