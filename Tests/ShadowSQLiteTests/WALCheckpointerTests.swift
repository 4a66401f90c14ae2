import Foundation
import Testing
@testable import ShadowSQLite

@Suite struct WALCheckpointerTests {
    /// Waits (up to 10 s) until the checkpointer has run `count` more times than `start`.
    private func waitForRuns(_ checkpointer: WALCheckpointer, after start: Int, count: Int = 2) {
        let deadline = Date().addingTimeInterval(10)
        while checkpointer.runs < start + count && Date() < deadline { usleep(2000) }
    }

    private func walSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    @Test func aWriterWithoutAutocheckpointKeepsAShortWALWhileTheCheckpointerRuns() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("wal.db")
        let db = try SQLiteDatabase.openShadowStore(path: path)
        try db.execute("PRAGMA wal_autocheckpoint = 0; CREATE TABLE blobs (x TEXT)")
        let checkpointer = try #require(WALCheckpointer(path: path, intervalMs: 1))
        let text = String(repeating: "x", count: 1000)
        let insert = try db.prepare("INSERT INTO blobs VALUES (?)")
        var largest = 0
        for _ in 0..<10 {
            try db.transaction {
                for _ in 0..<2000 {
                    try insert.bind(text, at: 1)
                    try insert.step()
                    insert.reset()
                }
            }
            largest = max(largest, walSize(path))
            waitForRuns(checkpointer, after: checkpointer.runs)
        }
        checkpointer.stop()
        // Ten transactions of ~2 MB each: without checkpoints the WAL would hold ~20 MB; backfilled between
        // transactions, it restarts from its beginning at each new write and never holds much more than one.
        #expect(largest < 6_000_000, "WAL grew to \(largest) bytes")
        #expect(try db.scalar("SELECT count(*) FROM blobs") == .integer(20_000))
    }

    @Test func stopRunsALastCheckpointAndReturns() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("stop.db")
        let db = try SQLiteDatabase.openShadowStore(path: path)
        try db.execute("PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)")
        let checkpointer = try #require(WALCheckpointer(path: path, intervalMs: 60_000))
        checkpointer.stop()
        #expect(checkpointer.runs >= 1)
        checkpointer.stop()
    }
}
