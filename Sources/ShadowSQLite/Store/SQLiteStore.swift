import FoundationEssentials
import ShadowCore

/// The SQLite `ReplayStore`: writes runs, models, disagreements, rejects and latency to the shadowd database.
///
/// `append` only queues; one dedicated writer thread drains the queue with prepared statements in transactions
/// of up to `batchRows` rows, committing at least every `flushIntervalMs`. A write failure is kept and thrown
/// by every later call; rows committed before it stay in the database.
public final class SQLiteStore: ReplayStore, @unchecked Sendable {
    /// The database file.
    public let path: String
    /// How the store batches its writes.
    public let settings: StoreSettings
    private let queue: StoreQueue
    private let thread: WriterThread

    /// Opens (creating and migrating as needed) the database at `path` and starts the writer thread.
    public init(path: String, settings: StoreSettings) throws {
        self.path = path
        self.settings = settings
        let db = try SQLiteDatabase.openShadowStore(path: path)
        let queue = StoreQueue(path: path)
        let writer = try StoreWriter(db: db, queue: queue, settings: settings)
        self.queue = queue
        self.thread = WriterThread(name: "shadowd-store") { writer.run() }
    }

    deinit { close() }

    /// Inserts the run, its models with their versions and its manifest (taken from disk unless `run` carries one:
    /// the config text and each input's size and SHA-256), and returns the run id once committed.
    public func beginRun(_ run: RunInfo) throws -> Int64 {
        let inputs = try Self.json(run.inputs)
        let started = ISO8601Millis.string(epochMs: run.startedAtMs)
        let manifest = Self.manifest(for: run)
        let path = self.path
        return try write { db in
            try Self.writing("runs", path: path) {
                try db.run("""
                    INSERT INTO runs(started_at, status, config_path, inputs_json)
                    VALUES (COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), 'running', ?, ?)
                    """, started.map { .text($0) } ?? .null, .text(run.configPath), .text(inputs))
            }
            let id = db.lastInsertRowID
            try Self.writing("models", path: path) {
                let insert = try db.prepare("""
                    INSERT INTO models(run_id, name, role, kind, location, digest) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for model in run.models {
                    try insert.bind([.integer(id), .text(model.name), .text(model.role.rawValue),
                                     .text(model.kind), .text(model.location), .text(model.digest)])
                    try insert.step()
                    insert.reset()
                }
            }
            try Self.writing("model_versions", path: path) {
                try Self.recordVersions(run: id, manifest: manifest, in: db)
            }
            return id
        }
    }

    /// Queues a batch's rows and checkpoint for the writer thread; never waits for disk. Throws an earlier
    /// write failure.
    public func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject],
                       checkpoint: SourceCheckpoint?) throws {
        if disagreements.isEmpty && rejects.isEmpty && checkpoint == nil {
            if let failure = queue.currentFailure { throw failure }
            return
        }
        try queue.enqueue(.rows(run: run, disagreements: disagreements, rejects: rejects, checkpoint: checkpoint))
    }

    /// The last committed checkpoint of a source (read after everything queued before this call is committed).
    public func checkpoint(for source: String) throws -> SourceCheckpoint? {
        try write { db in try SourceCheckpointRow.read(source, from: db) }
    }

    /// Writes the latency rows and the run's totals (status `done`), and returns once everything queued is committed.
    public func finishRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try complete(run, status: "done", summary: summary, latency: latency)
    }

    /// Like `finishRun`, but marks the run `failed` (interrupted, or its models could not be served).
    public func failRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws {
        try complete(run, status: "failed", summary: summary, latency: latency)
    }

    private func complete(_ run: Int64, status: String, summary: RunSummary, latency: [LatencyRow]) throws {
        let summaryJSON = try Self.json(summary)
        let path = self.path
        let missing = try write { db -> Bool in
            guard try db.scalar("SELECT 1 FROM runs WHERE id = ?", .integer(run)) != nil else { return true }
            try Self.writing("latency", path: path) { try Self.insert(latency, run: run, into: db) }
            try Self.writing("runs", path: path) {
                try db.run("""
                    UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), status = ?,
                                    records = ?, rejects = ?, seconds = ?, summary_json = ?
                    WHERE id = ?
                    """, .text(status), .integer(Int64(summary.records)), .integer(Int64(summary.rejects)),
                    .double(summary.seconds), .text(summaryJSON), .integer(run))
            }
            return false
        }
        if missing { throw SQLiteStoreError.unknownRun(run, path: path) }
    }

    /// Waits until everything queued so far is committed.
    public func flush() throws {
        try write { _ in }
    }

    /// Runs `body` on the writer thread, after everything queued before it and in the same transaction,
    /// then commits and returns its result. An error thrown by `body` is kept as the store's failure.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteDatabase) throws -> T) throws -> T {
        let box = ResultBox<T>()
        let sequence = try queue.enqueue(.barrier { db in box.value = try body(db) })
        try queue.waitUntilCommitted(sequence)
        guard let value = box.value else { throw queue.currentFailure ?? .closed(path: path) }
        return value
    }

    /// Counters of the writer: rows and transactions committed, rows waiting in the queue.
    public var statistics: StoreStatistics { queue.currentStatistics }

    /// Commits what is queued, stops the writer thread and closes the database. Later calls throw `closed`.
    public func close() {
        if queue.stop() { thread.join() }
    }
}
