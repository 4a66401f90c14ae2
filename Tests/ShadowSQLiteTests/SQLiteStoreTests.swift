import Foundation
import ShadowCore
import Testing
@testable import ShadowSQLite

@Suite struct SQLiteStoreTests {
    @Test func runModelsRowsAndTotalsRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("roundtrip.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let run = try store.beginRun(Fixtures.run)
        #expect(run == 1)
        let rows = (0..<5).map { Fixtures.disagreement($0) }
        var untimed = Fixtures.disagreement(9)
        untimed.recordTimeMs = nil
        untimed.delta = nil
        untimed.kind = .shadowError
        try store.append(run: run, disagreements: rows + [untimed], rejects: [Fixtures.reject(7)])
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 1000, rejects: 1), latency: Fixtures.latency)
        store.close()

        let db = try SQLiteDatabase.openShadowReader(path: path)
        let runRow = try #require(try db.query("""
            SELECT started_at, finished_at, status, config_path, inputs_json, records, rejects, seconds, summary_json
            FROM runs WHERE id = ?
            """, .integer(run)) { s in (0..<9).map { s.value(at: $0) } }.first)
        #expect(runRow[0] == .text("2025-03-03T00:01:45.605Z"))
        #expect(runRow[1].stringValue?.count == 24)
        #expect(runRow[2] == .text("done"))
        #expect(runRow[3] == .text("/etc/shadowd/shadowd.toml"))
        #expect(runRow[4] == .text(#"["/var/log/traffic/a.jsonl","b.csv"]"#))
        #expect(runRow[5] == .integer(1000) && runRow[6] == .integer(1) && runRow[7] == .double(2.5))
        let summary = try JSONDecoder().decode(RunSummary.self, from: Data((runRow[8].stringValue ?? "").utf8))
        #expect(summary == Fixtures.summary(run: run, records: 1000, rejects: 1))

        let models = try db.query("SELECT name, role, kind, location, digest FROM models WHERE run_id = ? ORDER BY id",
                                  .integer(run)) { s in
            ModelInfo(name: s.text(at: 0)!, role: ModelRole(rawValue: s.text(at: 1)!)!, kind: s.text(at: 2)!,
                      location: s.text(at: 3)!, digest: s.text(at: 4)!)
        }
        #expect(models == Fixtures.models)

        let stored = try db.query("""
            SELECT record_id, record_time, shadow, kind, champion_output, shadow_output, delta, features
            FROM disagreements WHERE run_id = ? ORDER BY id
            """, .integer(run)) { s in
            DisagreementRow(recordID: s.text(at: 0)!, recordTimeMs: nil, shadow: s.text(at: 2)!,
                            kind: DisagreementKind(rawValue: s.text(at: 3)!)!, championOutput: s.text(at: 4)!,
                            shadowOutput: s.text(at: 5)!, delta: s.isNull(at: 6) ? nil : s.double(at: 6),
                            featuresJSON: s.text(at: 7))
        }
        #expect(stored == (rows + [untimed]).map { var row = $0; row.recordTimeMs = nil; return row })
        let times = try db.query("SELECT record_time FROM disagreements ORDER BY id") { $0.text(at: 0) }
        #expect(times.first == "2025-03-03T00:00:00.000Z" && times[3] == "2025-03-03T00:00:00.003Z")
        #expect(times.last == .some(nil))
        #expect(try db.scalar("SELECT json_extract(features, '$.age') FROM disagreements LIMIT 1") == .integer(41))

        let reject = try db.query("SELECT file, line, byte_offset, code, reason FROM rejects") { s in
            (0..<5).map { s.value(at: $0) }
        }
        #expect(reject == [[.text("a.jsonl"), .integer(7), .integer(700), .text("wrong_type"),
                            .text(Fixtures.reject(7).reason)]])
        let latency = try db.query("SELECT model, count, errors, p99_ms, histogram FROM latency ORDER BY model") { s in
            (0..<5).map { s.value(at: $0) }
        }
        #expect(latency == [[.text("candidate"), .integer(1000), .integer(2), .double(1.9), .text("HISTFBBBBB==")],
                            [.text("prod"), .integer(1000), .integer(0), .double(1.5), .text("HISTFAAAAA==")]])
    }

    @Test func featuresAreLeftOutWhenSettingsSaySo() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("nofeatures.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, storeFeatures: false))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: [Fixtures.disagreement(1)], rejects: [])
        try store.flush()
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements WHERE features IS NULL") == .integer(1))
    }

    @Test func manySmallAppendsAreBatchedAndAllCommitted() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("batches.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 100, flushIntervalMs: 50))
        let run = try store.beginRun(Fixtures.run)
        for batch in 0..<60 {
            let rows = (0..<37).map { Fixtures.disagreement(batch * 37 + $0) }
            try store.append(run: run, disagreements: rows, rejects: batch % 10 == 0 ? [Fixtures.reject(batch)] : [])
        }
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 2220), latency: [])
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(2220))
        #expect(try db.scalar("SELECT count(DISTINCT record_id) FROM disagreements") == .integer(2220))
        #expect(try db.scalar("SELECT count(*) FROM rejects") == .integer(6))
        #expect(try db.scalar("SELECT min(id) = 1 AND max(id) = 2220 FROM disagreements") == .integer(1))
    }

    @Test func transactionsHoldUpToBatchRowsRows() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("txsize.db")
        // No time-based commits: only the batch size, beginRun and finishRun end a transaction.
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 100, flushIntervalMs: 60_000))
        let run = try store.beginRun(Fixtures.run)
        #expect(store.statistics == StoreStatistics(rowsCommitted: 0, transactions: 1, queuedRows: 0))
        for batch in 0..<60 {
            try store.append(run: run, disagreements: (0..<37).map { Fixtures.disagreement(batch * 37 + $0) },
                             rejects: batch % 10 == 0 ? [Fixtures.reject(batch)] : [])
        }
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 2220), latency: [])
        // Commits fall between batches: a transaction closes at the first batch boundary with >= 100 rows;
        // what is left commits with finishRun.
        var pending = 0, commits = 0
        for batch in 0..<60 {
            pending += 37 + (batch % 10 == 0 ? 1 : 0)
            if pending >= 100 { commits += 1; pending = 0 }
        }
        #expect(store.statistics == StoreStatistics(rowsCommitted: 2226, transactions: 1 + commits + 1, queuedRows: 0))
    }

    @Test func batchRowsAboveTheQueueBoundDoNotWaitForTheFlushInterval() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("bigtx.db")
        // Transactions "of a million rows" and no time-based commit for a minute: the writer must still commit before
        // the queue's bound makes `append` wait, or this test would stall for a minute per bound.
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 1_000_000,
                                                                        flushIntervalMs: 60_000))
        let run = try store.beginRun(Fixtures.run)
        let started = MonotonicClock.nanoseconds
        let rows = (0..<500).map { Fixtures.disagreement($0) }
        for _ in 0..<(3 * StoreQueue.maxUncommittedRows / rows.count) {
            try store.append(run: run, disagreements: rows, rejects: [])
        }
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 0), latency: [])
        #expect(MonotonicClock.nanoseconds - started < 30_000_000_000)
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(Int64(3 * StoreQueue.maxUncommittedRows / 500 * 500)))
    }

    @Test func checkpointsCommitWithTheirRows() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("checkpoint.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 50, flushIntervalMs: 60_000))
        let run = try store.beginRun(Fixtures.run)
        #expect(try store.checkpoint(for: "source:a") == nil)
        var last: SourceCheckpoint?
        for batch in 0..<7 {
            let checkpoint = SourceCheckpoint(source: "source:a", run: run, path: "/x/a.jsonl", device: 2049,
                                              inode: 77, offset: Int64(1000 * (batch + 1)), line: 10 * (batch + 1),
                                              records: 30 * (batch + 1), rejects: batch)
            try store.append(run: run, disagreements: (0..<30).map { Fixtures.disagreement(batch * 30 + $0) },
                             rejects: [], checkpoint: checkpoint)
            last = checkpoint
        }
        #expect(try store.checkpoint(for: "source:a") == last)
        store.close()
        // Every committed checkpoint sits exactly after the rows committed with it.
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(210))
        #expect(try db.scalar("SELECT records FROM checkpoints WHERE source = 'source:a'") == .integer(210))
        #expect(try db.scalar("SELECT byte_offset FROM checkpoints") == .integer(7000))
    }

    @Test func finishRunWaitsForEverythingQueued() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("finish.db")
        // Nothing commits on its own for a minute: only finishRun can make the rows visible.
        let store = try SQLiteStore(path: path,
                                    settings: StoreSettings(path: path, batchRows: 1_000_000, flushIntervalMs: 60_000))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: (0..<3000).map { Fixtures.disagreement($0) }, rejects: [])
        let reader = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try reader.scalar("SELECT count(*) FROM disagreements") == .integer(0))
        #expect(store.statistics.rowsCommitted == 0)
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 3000), latency: Fixtures.latency)
        #expect(try reader.scalar("SELECT count(*) FROM disagreements") == .integer(3000))
        #expect(try reader.scalar("SELECT status FROM runs WHERE id = ?", .integer(run)) == .text("done"))
        #expect(try reader.scalar("SELECT count(*) FROM latency") == .integer(2))
    }

    @Test func rowsCommitWithinTheFlushIntervalWithoutAFlush() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("interval.db")
        let store = try SQLiteStore(path: path,
                                    settings: StoreSettings(path: path, batchRows: 1_000_000, flushIntervalMs: 20))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: [Fixtures.disagreement(1), Fixtures.disagreement(2)], rejects: [])
        let reader = try SQLiteDatabase.openShadowReader(path: path)
        var visible: SQLiteValue? = .integer(0)
        for _ in 0..<200 where visible != .integer(2) {
            try await Task.sleep(for: .milliseconds(10))
            visible = try reader.scalar("SELECT count(*) FROM disagreements")
        }
        #expect(visible == .integer(2))
        store.close()
    }

    @Test func concurrentAppendsFromSeveralTasksAllLand() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("concurrent.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, batchRows: 500, flushIntervalMs: 10))
        let run = try store.beginRun(Fixtures.run)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for batch in 0..<40 {
                        let first = (task * 40 + batch) * 25
                        let rows = (first..<first + 25).map { Fixtures.disagreement($0, shadow: "s\(task)") }
                        try store.append(run: run, disagreements: rows, rejects: [Fixtures.reject(first)])
                    }
                }
            }
            try await group.waitForAll()
        }
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 8000), latency: [])
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(DISTINCT record_id) FROM disagreements") == .integer(8000))
        #expect(try db.scalar("SELECT count(*) FROM rejects") == .integer(320))
        let perShadow = try db.query("SELECT count(*) FROM disagreements GROUP BY shadow") { $0.int64(at: 0) }
        #expect(perShadow == Array(repeating: 1000, count: 8))
    }

    @Test func closedStoreRefusesCallsAndKeepsItsRows() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("closed.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path, flushIntervalMs: 60_000))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: [Fixtures.disagreement(1)], rejects: [])
        store.close()
        store.close()
        #expect(throws: SQLiteStoreError.closed(path: path)) {
            try store.append(run: run, disagreements: [Fixtures.disagreement(2)], rejects: [])
        }
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(1))
        let second = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        #expect(try second.beginRun(Fixtures.run) == 2)
    }

    @Test func finishingAnUnknownRunThrowsWithoutBreakingTheStore() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("unknown.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        #expect(throws: SQLiteStoreError.unknownRun(77, path: path)) {
            try store.finishRun(77, summary: Fixtures.summary(run: 77, records: 0), latency: Fixtures.latency)
        }
        let run = try store.beginRun(Fixtures.run)
        try store.finishRun(run, summary: Fixtures.summary(run: run, records: 0), latency: [])
        let db = try SQLiteDatabase.openShadowReader(path: path)
        #expect(try db.scalar("SELECT count(*) FROM latency") == .integer(0))
    }

    @Test func failedRunKeepsItsTotalsAndStatus() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("failed.db")
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let run = try store.beginRun(Fixtures.run)
        try store.append(run: run, disagreements: [Fixtures.disagreement(1)], rejects: [])
        try store.failRun(run, summary: Fixtures.summary(run: run, records: 10), latency: [Fixtures.latency[0]])
        let db = try SQLiteDatabase.openShadowReader(path: path)
        let row = try db.query("SELECT status, records, finished_at IS NOT NULL FROM runs") { s in
            [s.value(at: 0), s.value(at: 1), s.value(at: 2)]
        }
        #expect(row == [[.text("failed"), .integer(10), .integer(1)]])
        #expect(try db.scalar("SELECT count(*) FROM disagreements") == .integer(1))
    }
}
