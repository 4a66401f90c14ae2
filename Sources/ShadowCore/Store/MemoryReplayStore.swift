import Synchronization

/// The in-memory twin of the SQLite store, for tests of the pipeline: keeps every run and its rows.
///
/// Thread-safe; rows are visible as soon as `append` returns. `failWrites(with:)` makes later calls throw,
/// the way the SQLite store reports a failed writer.
public final class MemoryReplayStore: ReplayStore {
    /// Everything the store holds about one run.
    public struct StoredRun: Sendable, Equatable {
        /// How far the run got: `running` until `finishRun` (`done`) or `failRun` (`failed`).
        public enum Status: String, Sendable {
            /// Begun, not finished.
            case running
            /// Finished with a summary.
            case done
            /// Stopped by an error; the summary counts what was read before it.
            case failed
        }

        /// The id `beginRun` returned.
        public var id: Int64
        /// What `beginRun` was given.
        public var info: RunInfo
        /// Whether `finishRun` was called.
        public var status: Status
        /// The totals `finishRun` was given.
        public var summary: RunSummary?
        /// One latency row per model, from `finishRun`.
        public var latency: [LatencyRow]
        /// Every disagreement appended, in order.
        public var disagreements: [DisagreementRow]
        /// Every reject appended, in order.
        public var rejects: [Reject]
    }

    /// Why the memory store refused a call.
    public enum Failure: Error, Sendable, Equatable {
        /// A run id `beginRun` never returned.
        case unknownRun(Int64)
        /// A failure injected with `failWrites(with:)`, carrying its message.
        case injected(String)
    }

    private struct State {
        var runs: [StoredRun] = []
        var failure: Failure?
        var appendCalls = 0
        var checkpoints: [String: SourceCheckpoint] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty store.
    public init() {}

    /// Registers a run; ids count from 1.
    public func beginRun(_ run: RunInfo) throws -> Int64 {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            let id = Int64(state.runs.count + 1)
            state.runs.append(StoredRun(id: id, info: run, status: .running, summary: nil, latency: [],
                                        disagreements: [], rejects: []))
            return id
        }
    }

    /// Keeps a batch's rows.
    public func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject],
                       checkpoint: SourceCheckpoint?) throws {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            let index = try Self.index(of: run, in: state)
            state.appendCalls += 1
            state.runs[index].disagreements += disagreements
            state.runs[index].rejects += rejects
            if let checkpoint { state.checkpoints[checkpoint.source] = checkpoint }
        }
    }

    /// The last checkpoint appended for a source.
    public func checkpoint(for source: String) throws -> SourceCheckpoint? {
        state.withLock { $0.checkpoints[source] }
    }

    /// Keeps the latency rows (one per model, replacing earlier ones) and the summary; marks the run done.
    public func finishRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try complete(run, summary: summary, latency: latency, status: .done)
    }

    /// Keeps the latency rows and the summary; marks the run failed.
    public func failRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try complete(run, summary: summary, latency: latency, status: .failed)
    }

    func complete(_ run: Int64, summary: RunSummary, latency: [LatencyRow], status: StoredRun.Status) throws {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            let index = try Self.index(of: run, in: state)
            let models = Set(latency.map(\.model))
            state.runs[index].latency.removeAll { models.contains($0.model) }
            state.runs[index].latency += latency
            state.runs[index].summary = summary
            state.runs[index].status = status
        }
    }

    /// Makes every later call throw `Failure.injected(message)`; what was stored stays.
    public func failWrites(with message: String) {
        state.withLock { $0.failure = .injected(message) }
    }

    /// A snapshot of every run, in id order.
    public var runs: [StoredRun] { state.withLock { $0.runs } }

    /// A snapshot of one run, or nil for an unknown id.
    public func run(_ id: Int64) -> StoredRun? {
        state.withLock { state in (try? Self.index(of: id, in: state)).map { state.runs[$0] } }
    }

    /// How many `append` calls were accepted (batches, not rows).
    public var appendCalls: Int { state.withLock { $0.appendCalls } }

    private static func index(of run: Int64, in state: State) throws(Failure) -> Int {
        guard run >= 1, run <= Int64(state.runs.count) else { throw .unknownRun(run) }
        return Int(run - 1)
    }
}
