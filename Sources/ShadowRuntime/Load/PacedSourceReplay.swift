import ShadowConfig
import ShadowCore
import ShadowFiles

/// A daemon job's paced replay (`[load] profile` other than `none`): one run over one source, which may be read in
/// several calls (a followed file that grows, a rotated file), with the profile and models in force when the job
/// began for the whole run, checkpoints after each commit, and the load report at the end.
public final class PacedSourceReplay: @unchecked Sendable {
    // Used by one job's task at a time (its calls are sequential); not shared between tasks.
    private var scheduler: LoadScheduler
    /// The profile the run is paced with.
    public let load: LoadSettings
    /// The models the run replays through (kept for the whole run so its latency figures are of one model set).
    public let modelSet: ModelSet
    private let batchSize: Int
    private let follows: Bool

    /// A paced replay into `run` of `store`; `resumed` holds the counts of a run resumed after a restart, `follows`
    /// says whether the source is followed (its schedule then resumes from the moment new records are read).
    public init(settings: ShadowSettings, load: LoadSettings, modelSet: ModelSet, store: any ReplayStore,
                observers: [any ReplayObserver], run: Int64, resumed: RunTally = RunTally(), follows: Bool) {
        var connections: [String: Int] = [:]
        for model in settings.models { if let http = model.http { connections[model.name] = http.connections } }
        scheduler = LoadScheduler(settings: load, models: modelSet, store: store, observers: observers, run: run,
                                  connections: connections, resumed: resumed)
        self.load = load
        self.modelSet = modelSet
        batchSize = settings.replay.batchSize
        self.follows = follows
    }

    /// Replays `reader` from where it stands to its end (or until `stop`), storing positions in `checkpoint`;
    /// `heartbeat` is called at least every 100 ms, `committed` after each commit. Never `.schemaChanged`: the
    /// models stay those the job began with.
    public func replay(_ reader: TrafficReader, checkpoint: SourceReplay.CheckpointTarget?,
                       stop: () -> Bool, heartbeat: () -> Void,
                       committed: (RunTally) -> Void) async throws -> SourceReplay.End {
        let stopped = try await scheduler.replay(reader, batchSize: batchSize, checkpoint: checkpoint,
                                                 anchorToNow: follows, stop: stop, heartbeat: heartbeat,
                                                 committed: committed)
        return stopped ? .stopped : .endOfFile
    }

    /// Everything committed so far (with the counts of a resumed run).
    public var tally: RunTally { scheduler.tally }

    /// The load report of everything sent so far (store it with `LoadStoreWriter` once the run is finished).
    public func report() -> LoadReport { scheduler.report() }
}
