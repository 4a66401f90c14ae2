import ShadowCore
import ShadowFiles

/// Replays one traffic reader into a run: a sliding window of batches in flight, committed in file order, each
/// with the source position after it when the source is resumable. Shared by `--local` replays and the daemon.
public struct SourceReplay: Sendable {
    public let store: any ReplayStore
    public let settings: ReplaySettings
    /// The models in force, read once per batch (the daemon swaps them on reload).
    public let currentModels: @Sendable () -> ModelSet
    /// Sees each committed batch (drift monitoring).
    public let observers: [any ReplayObserver]

    public init(store: any ReplayStore, settings: ReplaySettings, observers: [any ReplayObserver] = [],
                currentModels: @escaping @Sendable () -> ModelSet) {
        self.store = store
        self.settings = settings
        self.observers = observers
        self.currentModels = currentModels
    }

    /// Where a resumable source's checkpoints go.
    public struct CheckpointTarget: Sendable {
        public var source: String
        public var path: String
        public var device: UInt64
        public var inode: UInt64

        public init(source: String, path: String, device: UInt64, inode: UInt64) {
            self.source = source
            self.path = path
            self.device = device
            self.inode = inode
        }
    }

    /// Why `replay` returned; every batch read before it is committed either way.
    public enum End: Sendable, Equatable {
        /// The reader reached the end of its file (a followed file may grow later).
        case endOfFile
        /// `stop` asked to stop.
        case stopped
        /// The models now read another feature schema: reopen the reader at its position with the new one.
        case schemaChanged
    }

    /// Replays `reader` from where it stands into `run`, adding to `tally`; `committed` sees the tally after
    /// each batch is handed to the store.
    public func replay(_ reader: TrafficReader, run: Int64, checkpoint: CheckpointTarget?, tally: inout RunTally,
                       stop: @Sendable () -> Bool = { false },
                       committed: (RunTally) -> Void = { _ in }) async throws -> End {
        let decoder = reader.decoder
        let schema = currentModels().schema
        var end = End.endOfFile
        try await withThrowingTaskGroup(of: BatchResult.self) { group in
            var inFlight = 0
            var waiting: [Int: BatchResult] = [:]
            var nextSequence: Int?
            func commitReady() async throws {
                if nextSequence == nil { nextSequence = waiting.keys.min() }
                while let sequence = nextSequence, let result = waiting.removeValue(forKey: sequence) {
                    let position = checkpoint.map {
                        SourceCheckpoint(source: $0.source, run: run, path: $0.path, device: $0.device,
                                         inode: $0.inode, offset: result.endOffset, line: result.endLine,
                                         records: tally.progress.records + result.records,
                                         rejects: tally.progress.rejects + result.rejects.count)
                    }
                    try store.append(run: run, disagreements: result.rows, rejects: result.rejects,
                                     checkpoint: position)
                    tally.add(result)   // counted once the store has taken it
                    committed(tally)
                    if !observers.isEmpty {
                        let observed = ObservedBatch(run: run, records: result.batch, schema: schema,
                                                     models: result.models.map(\.name),
                                                     predictions: result.predictions, disagreements: result.rows)
                        for observer in observers { await observer.observe(observed) }
                    }
                    nextSequence = sequence + 1
                }
            }
            while true {
                if stop() { end = .stopped; break }
                let models = currentModels()
                if models.schema != schema { end = .schemaChanged; break }
                guard let chunk = try reader.nextChunk(maxLines: settings.batchSize) else { break }
                if nextSequence == nil { nextSequence = chunk.sequence }
                if inFlight >= settings.maxInFlight, let done = try await group.next() {
                    inFlight -= 1
                    waiting[done.sequence] = done
                    try await commitReady()
                }
                let processor = models.processor
                group.addTask { await processor.process(chunk, decoder: decoder) }
                inFlight += 1
            }
            while let done = try await group.next() {
                waiting[done.sequence] = done
                try await commitReady()
            }
        }
        return end
    }
}
