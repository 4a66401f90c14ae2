import ShadowCore

/// The store's single writer: owns the write connection and its statements, and drains the queue on its thread.
///
/// Rows go into one open transaction that commits, always between jobs, when it holds `batchRows` rows, when `flushIntervalMs` has
/// passed since it began, when the queue runs dry past that interval, or right after a barrier job.
/// `@unchecked Sendable`: built on the opening thread, then used by the writer thread alone.
final class StoreWriter: @unchecked Sendable {
    let db: SQLiteDatabase
    let queue: StoreQueue
    let batchRows: Int
    let flushIntervalNs: UInt64
    let storeFeatures: Bool

    let begin: SQLiteStatement
    let commit: SQLiteStatement
    let insertDisagreement: SQLiteStatement
    let insertReject: SQLiteStatement
    let upsertCheckpoint: SQLiteStatement
    /// Scratch bytes for one row's text values, bound without copying while the row is stepped. Only the writer
    /// thread touches it, one access at a time, so its accesses skip the runtime exclusivity check (several per row).
    @exclusivity(unchecked) var arena: [UInt8] = []
    /// Backfills the WAL on its own thread, so the writer's own checkpoints (past 256 pages) find little to copy.
    private var checkpointer: WALCheckpointer?

    private var transactionOpen = false
    private var transactionRows = 0
    private var transactionDeadline: UInt64 = 0
    /// The table the open transaction last wrote, named when its commit fails.
    var currentTable = "runs"
    /// The last job whose rows are all in the open (or a committed) transaction.
    private var finishedSequence: UInt64 = 0

    init(db: SQLiteDatabase, queue: StoreQueue, settings: StoreSettings) throws(SQLiteError) {
        self.db = db
        self.queue = queue
        // A transaction must commit before the queue's bound is reached: callers wait in `enqueue` once that many
        // rows are uncommitted, and a larger `batch_rows` would hold them until the flush interval (measured: 20,000
        // rows per transaction cut the 1M-record replay from 376k to 116k records/s).
        self.batchRows = min(max(1, settings.batchRows), StoreQueue.maxUncommittedRows / 2)
        self.flushIntervalNs = UInt64(max(1, settings.flushIntervalMs)) * 1_000_000
        self.storeFeatures = settings.storeFeatures
        // This connection inserts rows only for runs it created itself and never deletes a run, so the foreign-key
        // lookup of `runs` for every inserted row proves nothing (measured: 7% of the writer's CPU on the 1M-record
        // replay). The constraints stay in the schema: a session with `PRAGMA foreign_keys = ON` still has its
        // run deletions cascade. Set before any statement is prepared, as statements compile the setting in.
        try db.execute("PRAGMA foreign_keys = OFF")
        begin = try db.prepare("BEGIN IMMEDIATE", persistent: true)
        commit = try db.prepare("COMMIT", persistent: true)
        insertDisagreement = try db.prepare("""
            INSERT INTO disagreements(run_id, record_id, record_time, shadow, kind, champion_output,
                                      shadow_output, delta, features, recorded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, persistent: true)
        insertReject = try db.prepare("""
            INSERT INTO rejects(run_id, file, line, byte_offset, code, reason) VALUES (?, ?, ?, ?, ?, ?)
            """, persistent: true)
        upsertCheckpoint = try db.prepare(SourceCheckpointRow.upsertSQL, persistent: true)
        arena.reserveCapacity(4096)
        if db.path != ":memory:" && !db.path.isEmpty {
            checkpointer = WALCheckpointer(path: db.path)
            // The checkpointer copies committed frames back as they come, but SQLite restarts the WAL from its start
            // only when a write transaction begins with every frame copied, and this writer begins its next
            // transaction right after each commit, before the checkpointer has seen it. So once the WAL passes 256
            // pages (16 MiB) this connection checkpoints after its commit: it copies only the few frames the
            // checkpointer has not, and the next transaction rewrites the same 16 MiB file in place. (With the
            // backstop at 4,096 pages the WAL grew to 256 MiB, was truncated to 64 MiB and grew again: fresh file
            // blocks and page-cache pages for every frame. Measured on the 1M-record replay: 9% less CPU, 10% more
            // records/s; 64 and 512 pages both did worse than 256.)
            if checkpointer != nil { try db.execute("PRAGMA wal_autocheckpoint = 256") }
        }
    }

    /// The thread's body: runs until the queue is stopped and drained, or a write fails.
    func run() {
        var jobs: [(sequence: UInt64, job: StoreJob)] = []
        while true {
            jobs.removeAll(keepingCapacity: true)
            let stopping = queue.take(until: transactionOpen ? transactionDeadline : nil, into: &jobs)
            do {
                for (sequence, job) in jobs {
                    try perform(job, sequence: sequence)
                    if transactionOpen && MonotonicClock.nanoseconds >= transactionDeadline { try commitTransaction() }
                }
                if transactionOpen && (jobs.isEmpty || MonotonicClock.nanoseconds >= transactionDeadline) {
                    try commitTransaction()
                }
            } catch {
                db.rollbackIfNeeded()
                transactionOpen = false
                queue.fail(storeError(error))
                break
            }
            if stopping && jobs.isEmpty && !transactionOpen { break }
        }
        // The statements and connection belong to this thread: release them here (the checkpointer first, so
        // this last connection's close checkpoints what remains and removes the WAL).
        checkpointer?.stop()
        db.close()
    }

    private func perform(_ job: StoreJob, sequence: UInt64) throws {
        switch job {
        case let .rows(run, disagreements, rejects, checkpoint):
            try openTransactionIfNeeded()
            if !disagreements.isEmpty { currentTable = "disagreements" }
            // Through the buffer: the row is lent to insert, not copied (an array subscript or a for-in copies the
            // row, retaining and releasing each of its fields).
            try disagreements.withUnsafeBufferPointer { rows in
                for i in rows.indices { try insert(rows.baseAddress! + i, run: run) }
            }
            if !rejects.isEmpty { currentTable = "rejects" }
            for reject in rejects { try insert(reject, run: run) }
            if let checkpoint {
                currentTable = "checkpoints"
                try SourceCheckpointRow.upsert(checkpoint, with: upsertCheckpoint)
            }
            transactionRows += disagreements.count + rejects.count
            finishedSequence = sequence
            // Commit only between jobs, so a batch and its checkpoint land together.
            if transactionRows >= batchRows { try commitTransaction() }
        case let .barrier(body):
            try openTransactionIfNeeded()
            try body(db)
            finishedSequence = sequence
            try commitTransaction()
        }
    }

    private func openTransactionIfNeeded() throws(SQLiteError) {
        guard !transactionOpen else { return }
        try begin.step()
        begin.reset()
        transactionOpen = true
        transactionRows = 0
        transactionDeadline = MonotonicClock.nanoseconds + flushIntervalNs
    }

    private func commitTransaction() throws(SQLiteError) {
        guard transactionOpen else { return }
        defer { commit.reset() }
        try commit.step()
        transactionOpen = false
        queue.markCommitted(through: finishedSequence, rows: transactionRows)
    }

    private func storeError(_ error: any Error) -> SQLiteStoreError {
        switch error {
        case let error as SQLiteStoreError: return error
        case let error as SQLiteError: return .writeFailed(table: currentTable, path: db.path, underlying: error)
        default:
            let wrapped = SQLiteError(code: 1, message: String(describing: error))
            return .writeFailed(table: currentTable, path: db.path, underlying: wrapped)
        }
    }
}
