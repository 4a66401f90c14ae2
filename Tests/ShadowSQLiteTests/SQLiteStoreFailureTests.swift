import CSQLite
import ShadowCore
import Testing
@testable import ShadowSQLite

@Suite struct SQLiteStoreFailureTests {
    @Test func fullDiskSurfacesOnTheNextCallNamingTheTable() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("full.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 50, flushIntervalMs: 5))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: (0..<20).map { Fixtures.disagreement($0) }, rejects: [])
        try store.flush()
        // Simulate a full disk: the file may not grow past a few more pages.
        try store.write { db in
            let pages = try db.scalar("PRAGMA page_count")?.intValue ?? 0
            try db.execute("PRAGMA max_page_count = \(pages + 2)")
        }

        var big = Fixtures.disagreement(100)
        big.featuresJSON = "{\"blob\":\"" + String(repeating: "x", count: 4000) + "\"}"
        var failure: SQLiteStoreError?
        for batch in 0..<200 where failure == nil {
            do {
                try store.append(run: run, disagreements: Array(repeating: big, count: 10), rejects: [])
            } catch let error as SQLiteStoreError {
                failure = error
            }
            if batch % 20 == 19, failure == nil {
                do { try store.flush() } catch let error as SQLiteStoreError { failure = error }
            }
        }
        guard case .writeFailed(let table, let failedPath, let underlying)? = failure else {
            Issue.record("expected a write failure, got \(String(describing: failure))")
            return
        }
        #expect(table == "disagreements")
        #expect(failedPath == path)
        #expect(underlying.primaryCode == SQLITE_FULL)
        #expect(failure?.description.contains("disagreements") == true)
        #expect(failure?.description.contains("full") == true)

        // The failure is sticky: later calls throw it too.
        #expect(throws: failure!) { try store.append(run: run, disagreements: [Fixtures.disagreement(1)], rejects: []) }
        #expect(throws: failure!) {
            try store.finishRun(run, summary: Fixtures.summary(run: run, records: 1), latency: [])
        }
        store.close()

        // Rows committed before the failure stay.
        let db = try SQLiteDatabase.openShadowReader(path: path)
        let count = try db.scalar("SELECT count(*) FROM disagreements WHERE features NOT LIKE '{\"blob\"%'")
        #expect(count == .integer(20))
        #expect(try db.scalar("SELECT status FROM runs WHERE id = ?", .integer(run)) == .text("running"))
    }

    @Test func aThrowingWriteBodyBecomesTheStoreFailure() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("body.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let error = #expect(throws: SQLiteStoreError.self) {
            try store.write { db in try db.execute("INSERT INTO nowhere VALUES (1)") }
        }
        guard case .writeFailed(_, _, let underlying)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(underlying.message.contains("no such table: nowhere"))
        #expect(throws: error!) { try store.beginRun(Fixtures.run) }
    }
}
