/// Monotonic instants of one chunk's requests: per record its intended instant, per model and record when it
/// was sent and answered.
struct ChunkTimings: Sendable {
    var intended: [UInt64]
    var sent: [[UInt64]]
    var done: [[UInt64]]

    init(records: Int, models: Int) {
        intended = Array(repeating: 0, count: records)
        sent = Array(repeating: Array(repeating: 0, count: records), count: models)
        done = sent
    }

    /// Per model and record: answer minus send.
    var service: [[UInt64]] {
        zip(sent, done).map { s, d in zip(s, d).map { $1 &- $0 } }
    }
}
