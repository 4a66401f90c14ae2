import Synchronization

/// Requests in flight per model and records in flight (a record is in flight until every model answered it),
/// shared by the scheduler and the request tasks.
final class InFlightCounter: Sendable {
    private let state: Mutex<State>

    struct State: Sendable {
        var perModel: [Int]
        var records = 0
        /// Per record being answered: models still to answer.
        var pending: [Int: Int] = [:]
    }

    init(models: Int) {
        state = Mutex(State(perModel: Array(repeating: 0, count: models)))
    }

    /// Models at or over their cap of requests in flight (empty when a request can go).
    func modelsAtCap(_ caps: [Int]) -> [Int] {
        state.withLock { s in s.perModel.indices.filter { s.perModel[$0] >= caps[$0] } }
    }

    /// Records whose answers are not all in.
    var records: Int { state.withLock { $0.records } }

    /// A record `key` is sent to every model.
    func send(_ key: Int) {
        state.withLock { s in
            for m in s.perModel.indices { s.perModel[m] += 1 }
            s.records += 1
            s.pending[key] = s.perModel.count
        }
    }

    /// Model `model` answered record `key`.
    func answered(_ key: Int, model: Int) {
        state.withLock { s in
            s.perModel[model] -= 1
            let left = (s.pending[key] ?? 1) - 1
            if left == 0 {
                s.pending[key] = nil
                s.records -= 1
            } else {
                s.pending[key] = left
            }
        }
    }
}
