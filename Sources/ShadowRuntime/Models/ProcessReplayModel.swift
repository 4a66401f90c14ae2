#if canImport(Glibc)
import Glibc
#endif
import ShadowCore

/// A model run as a child process speaking JSON lines on stdin/stdout: one request line per record, up to
/// `max_in_flight` written before answers are read, answers matched by id in any order. Errors are per record
/// (`timeout`, `process_died`, `process_down`, `failed`, `undecodable`) and never stop a run.
public final class ProcessReplayModel: ReplayModel {
    public let name: String
    public let role: ModelRole
    public let task: ModelTask
    public let digest: String
    /// The command line, recorded as the model's location.
    public let location: String
    /// Schema slot of each model input.
    let slots: [Int]
    let supervisor: ProcessSupervisor

    /// Starts the child; `schema` is the replay's feature schema, which holds every input.
    public convenience init(settings: ModelSettings, process: ProcessModelSettings, task: ModelTask,
                            schema: FeatureSchema) throws {
        try self.init(settings: settings, process: process, task: task, schema: schema,
                      restartBackoffNanos: ProcessSupervisor.defaultFirstBackoff)
    }

    /// Starts the child with `restartBackoffNanos` as the first wait before a restart (tests lengthen it).
    init(settings: ModelSettings, process: ProcessModelSettings, task: ModelTask, schema: FeatureSchema,
         restartBackoffNanos: UInt64) throws {
        let features = settings.features ?? []
        name = settings.name
        role = settings.role
        self.task = task
        location = process.argv.joined(separator: " ")
        slots = features.map { schema.slot(of: $0)! }
        supervisor = try ProcessSupervisor(settings: process, timeoutNanos: UInt64(settings.timeoutMs) * 1_000_000,
                                           firstBackoff: restartBackoffNanos)
        digest = SHA256.hex(Array((location + " " + features.joined(separator: ",")).utf8))
    }

    /// The child stops with its last owner: a daemon reload drops the old model set once the batches still using
    /// it are done, and its children go with it.
    deinit { supervisor.shutdown() }

    /// The child's restarts, CPU time and peak RSS so far.
    public var processSummary: ProcessSummary { supervisor.summary() }

    /// Stops the child; later records get `process_down`.
    public func shutdown() { supervisor.shutdown() }

    public func predict(_ batch: RecordBatch) async -> PredictionBatch {
        let result = ProcessBatch(count: batch.records.count, width: task.outputWidth)
        var bytes: [UInt8] = []
        var written: [(id: UInt64, end: Int)] = []
        var child: (ProcessChild, Int)?
        for (index, record) in batch.records.enumerated() {
            if child == nil { child = supervisor.liveChild() }
            guard let (live, generation) = child else {
                result.complete(index, error: .processDown)
                continue
            }
            if !supervisor.tryAcquireSlot() {
                flush(&bytes, &written, to: live)
                await supervisor.acquireSlot()
            }
            let id = supervisor.state.withLock { s -> UInt64? in
                guard s.generation == generation, s.child != nil else { return nil }
                s.nextID += 1
                s.pending[s.nextID] = .init(batch: result, index: index, start: MonotonicClock.nanos(),
                                            generation: generation)
                return s.nextID
            }
            guard let id else {
                // The child died while this call waited for a slot.
                supervisor.releaseSlots(1)
                flush(&bytes, &written, to: live)
                child = nil
                result.complete(index, error: .processDied)
                continue
            }
            ProcessLine.appendRequest(id: id, record: record, slots: slots, to: &bytes)
            written.append((id, bytes.count))
        }
        if let (live, _) = child { flush(&bytes, &written, to: live) }
        return await result.wait()
    }

    /// Writes the buffered request lines; lines not fully written within the timeout fail with `timeout`, and a
    /// line cut in the middle kills the child (its stream is no longer valid), failing the rest as `process_died`.
    func flush(_ bytes: inout [UInt8], _ written: inout [(id: UInt64, end: Int)], to child: ProcessChild) {
        defer {
            bytes.removeAll(keepingCapacity: true)
            written.removeAll(keepingCapacity: true)
        }
        guard !bytes.isEmpty else { return }
        let deadline = MonotonicClock.nanos() + supervisor.timeoutNanos
        var offset = 0
        supervisor.writeLock.withLock { _ in
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(child.input, $0.baseAddress! + offset, $0.count - offset) }
                if n > 0 {
                    offset += n
                    continue
                }
                if n < 0, errno == EINTR { continue }
                guard n < 0, errno == EAGAIN else { return }
                let now = MonotonicClock.nanos()
                guard now < deadline else { return }
                var fd = pollfd(fd: child.input, events: Int16(POLLOUT), revents: 0)
                _ = poll(&fd, 1, Int32(min((deadline - now) / 1_000_000 + 1, 1000)))
            }
        }
        guard offset < bytes.count else { return }
        // Lines that never (fully) reached the child: if nothing is pending any more the child died and the
        // reader failed them; otherwise they time out here.
        let unsent = written.filter { $0.end > offset }.map(\.id)
        let cut = offset > 0 && !written.contains { $0.end == offset }
        let failed = supervisor.state.withLock { s in unsent.compactMap { s.pending.removeValue(forKey: $0) } }
        supervisor.finish(failed, error: .timeout)
        if cut { kill(child.pid, SIGKILL) }
    }
}
