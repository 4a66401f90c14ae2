import ShadowCore
import Synchronization

/// One batch's requests in flight on the TLS client: answers land here from the event loops as they finish; the
/// caller waits once, until the last one is in.
final class TLSRequestBatch: Sendable {
    /// Values per answer.
    let width: Int
    private let state: Mutex<State>

    struct State: Sendable {
        var values: [Double]
        var errors: [ModelErrorCode?]
        var latencyNanos: [UInt64]
        var remaining: Int
        var continuation: CheckedContinuation<Void, Never>?
    }

    /// A batch of `count` requests answering `width` values each.
    init(count: Int, width: Int) {
        self.width = width
        state = Mutex(State(values: [Double](repeating: .nan, count: count * width),
                            errors: [ModelErrorCode?](repeating: nil, count: count),
                            latencyNanos: [UInt64](repeating: 0, count: count), remaining: count))
    }

    /// Records request `index`'s answer (`values` holds `width` numbers) or error, and its latency.
    func finish(_ index: Int, values: UnsafeBufferPointer<Double>?, error: ModelErrorCode?, latency: UInt64) {
        let resume = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if let error {
                s.errors[index] = error
            } else if let values {
                for k in 0..<width { s.values[index * width + k] = values[k] }
            }
            s.latencyNanos[index] = latency
            s.remaining -= 1
            guard s.remaining == 0 else { return nil }
            defer { s.continuation = nil }
            return s.continuation
        }
        resume?.resume()
    }

    /// Returns once every request has finished (at once when they already have).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { s -> Bool in
                if s.remaining == 0 { return true }
                s.continuation = continuation
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// The answers, errors and latencies (read after `wait`).
    func result(into batch: inout PredictionBatch) {
        state.withLock { s in
            batch.values = s.values
            batch.errors = s.errors
            batch.latencyNanos = s.latencyNanos
        }
    }
}
