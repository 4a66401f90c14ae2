import CSQLite
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies the write-ahead log back into the database file from a thread (and connection) of its own, so the
/// writer's commits do not wait for a checkpoint's copies and fsyncs.
///
/// Every `intervalMs` it runs a PASSIVE checkpoint: it backfills what is committed and never blocks the writer.
/// The writer checkpoints too once the WAL passes 256 pages (see `StoreWriter`), which lets SQLite restart the WAL;
/// by then this thread has copied nearly every frame, so the writer's own checkpoint is short.
final class WALCheckpointer: @unchecked Sendable {
    private final class State: Sendable {
        let stopping = Atomic<Bool>(false)
        /// Checkpoints that ran, for tests.
        let runs = Atomic<Int>(0)
    }

    private let state = State()
    private var thread: WriterThread?

    /// Opens a second connection to `path` and starts checkpointing; nil (and no thread) when it cannot open the
    /// file or the file is not in WAL mode.
    init?(path: String, intervalMs: Int = 20) {
        // Reading the journal mode opens the file and the WAL index; until then a checkpoint call does nothing.
        guard let db = try? SQLiteDatabase(path: path, flags: .writer),
              (try? db.scalar("PRAGMA journal_mode"))??.stringValue == "wal"
        else { return nil }
        // Checkpoints copy frames without going through this connection's page cache: keep it small.
        try? db.execute("PRAGMA cache_size = -256")
        let state = self.state
        let slices = max(1, intervalMs / 2)
        let connection = UncheckedConnection(db: db)
        thread = WriterThread(name: "shadowd-checkpoint") {
            var log: Int32 = 0, backfilled: Int32 = 0
            while true {
                let last = state.stopping.load(ordering: .acquiring)
                let rc = sqlite3_wal_checkpoint_v2(connection.db.handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &backfilled)
                if rc == SQLITE_OK { state.runs.add(1, ordering: .relaxed) }
                if last { break }
                // Sleeps in 2 ms slices, so `stop` never waits long for the thread.
                var slept = 0
                while slept < slices && !state.stopping.load(ordering: .relaxed) {
                    usleep(2000)
                    slept += 1
                }
            }
            connection.db.close()
        }
    }

    /// Stops the thread after one last checkpoint and closes its connection.
    func stop() {
        state.stopping.store(true, ordering: .releasing)
        thread?.join()
        thread = nil
    }

    /// Checkpoints run so far.
    var runs: Int { state.runs.load(ordering: .relaxed) }

    private struct UncheckedConnection: @unchecked Sendable {
        let db: SQLiteDatabase
    }
}
