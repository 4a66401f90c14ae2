#if canImport(Glibc)
import Glibc
#endif
import Logging
import ShadowControl
import ShadowCore
import ShadowFiles
import ShadowRuntime
import ShadowSQLite

/// Replays one file for a job: resumes from its checkpoint, follows growth and rotation when asked, and finishes
/// its run at the end (or leaves it resumable when the daemon stops).
struct FileReplayJob: Sendable {
    /// Where the bytes come from.
    enum Input: Sendable {
        /// A path the daemon opens itself (sources and spool files); reopened on rotation.
        case path(String)
        /// A descriptor passed by `shadowctl` (the daemon reads only what the caller could open).
        case descriptor(Int32)
    }

    let context: DaemonContext
    let job: Int
    let name: String
    let input: Input
    /// Checkpoint key; nil for a submitted file, which cannot be resumed after a restart.
    let checkpointKey: String?
    let follow: Bool

    /// Runs the job to its end and returns the state it ended in.
    func run() async -> JobInfo.State {
        let loop = "job \(job)"
        context.beat(loop)
        defer {
            context.retire(loop)
            if case .descriptor(let fd) = input { _ = close(fd) }
        }
        var run: Int64?
        var tally = RunTally()
        let started = MonotonicClock.nanos()
        func seconds() -> Double { Double(MonotonicClock.nanos() &- started) / 1e9 }
        // The models and [load] profile in force now; a paced job keeps both for its whole run (a reload applies
        // to the next job), an unpaced one takes the models in force at each batch.
        let (jobModels, load) = context.pacing
        let usage = ProcessUsageWindow(jobModels.models)
        var paced: PacedSourceReplay?
        /// The run's summary with the process models' usage over this job.
        func summary(_ run: Int64) -> RunSummary {
            var summary = tally.summary(run: run, seconds: seconds())
            summary.addProcessUsage(usage, current: paced == nil ? context.models.models : [])
            return summary
        }
        /// Ends the run (done or failed) and stores a paced run's load report.
        func endRun(_ run: Int64, done: Bool) throws -> RunSummary {
            let summary = summary(run)
            let latency = tally.latencyRows(seconds: seconds())
            if done {
                try context.store.finishRun(run, summary: summary, latency: latency)
            } else {
                try context.store.failRun(run, summary: summary, latency: latency)
            }
            if let paced { try LoadStoreWriter.write(paced.report(), run: run, path: context.settings.store.path) }
            return summary
        }
        do {
            var (reader, resumed) = try open()
            if let resumed {
                run = resumed.run
                tally = RunTally(records: resumed.records, rejects: resumed.rejects)
                // A file read to its end before a restart, whose run is already done: nothing to redo (finishing
                // the run again would replace its latency rows with empty ones).
                if !follow, try runIsDone(resumed.run), reader.inode == resumed.inode,
                   FollowedFile.isGzip(name) || resumed.offset == Self.size(name) {
                    context.jobs.update(job) { $0.run = run; $0.records = resumed.records; $0.rejects = resumed.rejects }
                    return .done
                }
            } else {
                var info = RunInfo(startedAtMs: MonotonicClock.epochMs(), configPath: context.configPath,
                                   inputs: [name], models: jobModels.infos)
                if load.profile != .none {
                    var manifest = ManifestCapture.manifest(for: info)
                    manifest.profile = load.describe
                    info.manifest = manifest
                }
                run = try context.store.beginRun(info)
            }
            if load.profile != .none {
                paced = PacedSourceReplay(settings: context.settings, load: load, modelSet: jobModels,
                                          store: context.store, observers: context.replayer.observers, run: run!,
                                          resumed: tally, follows: follow)
            }
            context.jobs.update(job) { $0.run = run; $0.state = follow ? .following : .running }
            context.jobs.record(job, progress: tally.progress)
            var disk = FollowedFile(path: name, reader: reader)
            while true {
                context.beat(loop)
                let cancelled: @Sendable () -> Bool = { [context, job] in
                    context.isStopping || context.jobs.isCancelled(job)
                }
                let committed: (RunTally) -> Void = { [context, job] tally in
                    context.beat(loop)
                    context.jobs.record(job, progress: tally.progress)
                }
                let end: SourceReplay.End
                if let paced {
                    end = try await paced.replay(reader, checkpoint: target(reader), stop: cancelled,
                                                 heartbeat: { [context] in context.beat(loop) }, committed: committed)
                    tally = paced.tally
                } else {
                    end = try await context.replayer.replay(reader, run: run!, checkpoint: target(reader),
                                                            tally: &tally, stop: cancelled, committed: committed)
                }
                context.jobs.record(job, progress: tally.progress)
                switch end {
                case .schemaChanged:
                    reader = try reopen(reader, at: reader.position)
                case .stopped:
                    if context.jobs.isCancelled(job) {
                        _ = try endRun(run!, done: false)
                        return .cancelled
                    }
                    // Shutting down: a resumable job keeps its run open and its checkpoint (a paced one stores
                    // its load report so far); the others fail.
                    if checkpointKey == nil {
                        _ = try endRun(run!, done: false)
                        return .failed
                    }
                    if let paced { try LoadStoreWriter.write(paced.report(), run: run!, path: context.settings.store.path) }
                    return .running
                case .endOfFile:
                    guard follow else {
                        let summary = try endRun(run!, done: true)
                        context.jobs.update(job) { $0.summary = summary }
                        return .done
                    }
                    if let next = try rotated(reader, disk: &disk) { reader = next }
                    try await Task.sleep(for: .milliseconds(context.settings.daemon.pollMs))
                }
            }
        } catch is CancellationError {
            return checkpointKey == nil ? .failed : .running
        } catch {
            context.logger.error("replay failed", metadata: ["job": "\(job)", "file": "\(name)", "error": "\(error)"])
            if let run { _ = try? endRun(run, done: false) }
            context.jobs.update(job) { $0.error = "\(error)" }
            return .failed
        }
    }

    /// Opens the input, at its checkpoint when one matches the file (same inode, not past its end).
    func open() throws -> (TrafficReader, SourceCheckpoint?) {
        let settings = context.settings
        let schema = context.models.schema
        switch input {
        case .descriptor(let fd):
            return (try TrafficReader(fileDescriptor: dup(fd), name: name, settings: settings.source, schema: schema),
                    nil)
        case .path(let path):
            let checkpoint = try checkpointKey.flatMap { try context.store.checkpoint(for: $0) }
            var reader = try TrafficReader(path: path, settings: settings.source, schema: schema)
            reader.holdsIncompleteFinalLine = follow
            guard let checkpoint else { return (reader, nil) }
            // A gzip file's offsets count inflated bytes: its size on disk says nothing about them.
            if checkpoint.inode == reader.inode, FollowedFile.isGzip(path) || checkpoint.offset <= Self.size(path) {
                reader = try TrafficReader(path: path, settings: settings.source, schema: schema,
                                           startOffset: checkpoint.offset, startLine: checkpoint.line)
                reader.holdsIncompleteFinalLine = follow
            }
            // Another inode under the same name: the old file was rotated away while the daemon was down;
            // the run goes on with the new file from its start.
            return (reader, checkpoint)
        }
    }

    /// The same input, reopened at a position with the models' current schema.
    func reopen(_ reader: TrafficReader, at position: (offset: Int64, line: Int)) throws -> TrafficReader {
        let settings = context.settings
        let next: TrafficReader
        switch input {
        case .descriptor(let fd):
            next = try TrafficReader(fileDescriptor: dup(fd), name: name, settings: settings.source,
                                     schema: context.models.schema, startOffset: position.offset,
                                     startLine: position.line)
        case .path(let path):
            next = try TrafficReader(path: path, settings: settings.source, schema: context.models.schema,
                                     startOffset: position.offset, startLine: position.line)
        }
        next.holdsIncompleteFinalLine = follow
        return next
    }

    /// For a followed path at its end: a reader on the new file when the name now points to another inode
    /// (rotation) or the file shrank (truncation), else nil. `disk` remembers the file as last seen: a gzip
    /// file's reader position counts inflated bytes, so its truncation is judged by its size on disk.
    func rotated(_ reader: TrafficReader, disk: inout FollowedFile) throws -> TrafficReader? {
        guard case .path(let path) = input else { return nil }
        guard let change = disk.change(position: reader.position.offset), change != .same else { return nil }
        context.logger.info(change == .rotated ? "source rotated" : "source truncated",
                            metadata: ["file": "\(path)", "job": "\(job)"])
        let next = try TrafficReader(path: path, settings: context.settings.source, schema: context.models.schema)
        next.holdsIncompleteFinalLine = true
        disk = FollowedFile(path: path, reader: next)
        return next
    }

    /// Whether the run is marked done in the database.
    func runIsDone(_ run: Int64) throws -> Bool {
        try context.store.write { db in
            try db.scalar("SELECT status = 'done' FROM runs WHERE id = ?", .integer(run)) == .integer(1)
        }
    }

    func target(_ reader: TrafficReader) -> SourceReplay.CheckpointTarget? {
        checkpointKey.map {
            SourceReplay.CheckpointTarget(source: $0, path: name, device: reader.device, inode: reader.inode)
        }
    }

    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
