import Testing
import ShadowCore
import ShadowSQLite
@testable import ShadowRuntime

@Suite struct TimelineObserverTests {
    /// 2,000 records, x = 0…1999 and plan = a|b; the shadow disagrees as in ReplayEngineTests (20 errors at
    /// x % 100 = 7, 18 flips around x = 1000, 49 score deltas under x = 50).
    func replay(_ dir: TempDirectory, settings timeline: TimelineSettings) async throws -> (SQLiteDatabase, Int64) {
        let lines = (0..<2000).map { i in
            "{\"id\":\"r-\(i)\",\"epoch_ms\":\(1_700_000_000_000 + i),\"features\":{\"x\":\(i),\"plan\":\"\(i % 2 == 0 ? "a" : "b")\"}}"
        }
        let traffic = try dir.file("traffic.jsonl", lines.joined(separator: "\n") + "\n")
        let champion = ScriptedModel(name: "champ", role: .champion) { .success($0.features[0] / 2000) }
        let shadow = ScriptedModel(name: "cand", role: .shadow) { record in
            let x = record.features[0]
            if x.truncatingRemainder(dividingBy: 100) == 7 { return .failure(.timeout) }
            if x >= 990 && x < 1010 { return .success(1 - x / 2000) }
            if x < 50 { return .success(x / 2000 + 0.2) }
            return .success(x / 2000 + 0.001)
        }
        var settings = ShadowSettings(models: [])
        settings.compare = CompareSettings(task: .binary, threshold: 0.5, absTolerance: 0.01)
        settings.replay = ReplaySettings(batchSize: 100, maxInFlight: 3)
        let set = ModelSet(models: [champion, shadow], comparator: Comparator(settings: settings.compare),
                           schema: FeatureSchema(names: ["x", "plan"]), storeFeatures: true)
        let path = dir.path + "/t.db"
        let store = try SQLiteStore(path: path, settings: StoreSettings(path: path))
        let observer = TimelineObserver(store: store, settings: timeline)
        let summary = try await ReplayEngine(settings: settings, modelSet: set, store: store, observers: [observer])
            .run(inputs: [traffic], configPath: "t.toml")
        await observer.finish()
        store.close()
        return (try SQLiteDatabase.openShadowReader(path: path), summary.run)
    }

    static let exact = TimelineSettings(intervalSeconds: 1000, intervalRecords: 500, warmupRecords: 1000,
                                        maxCategories: 16, quantiles: 10, sampleEvery: 1, topK: 5)

    func rows(_ db: SQLiteDatabase, _ sql: String) throws -> [String] {
        try db.query(sql) { s in
            (0..<s.columnCount).map { c -> String in
                switch s.value(at: c) {
                case .integer(let i): return String(i)
                case .double(let d): return "\(d)"
                case .text(let t): return t
                case .null: return "-"
                case .blob: return "blob"
                }
            }.joined(separator: "|")
        }
    }

    func check(_ db: SQLiteDatabase, _ sql: String, _ expected: [String],
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let got = try rows(db, sql)
        #expect(got == expected, sourceLocation: sourceLocation)
    }

    @Test func intervalsCountEveryModelAndKind() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let (db, run) = try await replay(dir, settings: Self.exact)
        defer { db.close() }
        #expect(run == 1)
        try check(db, """
            SELECT interval, shadow, compared, group_concat(kind || '=' || count, ' ') FROM timeline_disagreements
            GROUP BY interval, shadow ORDER BY interval
            """, [
                "0|cand|500|label_flip=0 score_delta=49 shadow_error=5",
                "1|cand|500|label_flip=10 score_delta=0 shadow_error=5",
                "2|cand|500|label_flip=8 score_delta=0 shadow_error=5",
                "3|cand|500|label_flip=0 score_delta=0 shadow_error=5",
            ])
        try check(db, """
            SELECT interval, model, requests, errors, min_record_time, max_record_time FROM timeline
            WHERE interval IN (0, 3) ORDER BY interval, model
            """, [
                "0|cand|500|5|2023-11-14T22:13:20.000Z|2023-11-14T22:13:20.499Z",
                "0|champ|500|0|2023-11-14T22:13:20.000Z|2023-11-14T22:13:20.499Z",
                "3|cand|500|5|2023-11-14T22:13:21.500Z|2023-11-14T22:13:21.999Z",
                "3|champ|500|0|2023-11-14T22:13:21.500Z|2023-11-14T22:13:21.999Z",
            ])
        // Latency histograms are the standard compressed HDR encoding (HISTF…); every request answered in 1 µs.
        try check(db, "SELECT DISTINCT substr(histogram, 1, 4), p50_ms, p99_ms FROM timeline", ["HIST|0.001|0.001"])
    }

    @Test func bucketsCountRecordsDisagreementsAndFlips() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let (db, _) = try await replay(dir, settings: Self.exact)
        defer { db.close() }
        try check(db, """
            SELECT bucket, position, lower, upper, sampled, disagreements, label_flips FROM feature_buckets
            WHERE feature = 'x' AND position IN (0, 1, 2, 10) ORDER BY position
            """, [
                "missing|0|-|-|0|0|0",
                "(-inf, 100)|1|-|100.0|100|50|0",
                "[100, 200)|2|100.0|200.0|100|1|0",
                "[900, inf)|10|900.0|-|1100|29|18",
            ])
        try check(db, """
            SELECT bucket, position, sampled, disagreements, label_flips FROM feature_buckets WHERE feature = 'plan'
            ORDER BY position
            """, ["missing|0|0|0|0", "other|1|0|0|0", "a|2|1000|34|9", "b|3|1000|53|9"])
        #expect(try db.scalar("SELECT DISTINCT sample_every FROM feature_buckets") == .integer(1))
    }

    @Test func topKeepsTheLargestDeltasEarliestFirstOnTies() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let (db, _) = try await replay(dir, settings: Self.exact)
        defer { db.close() }
        try check(db, "SELECT kind, record_id FROM top_disagreements ORDER BY kind, magnitude DESC, seq", [
            "label_flip|r-990", "label_flip|r-991", "label_flip|r-1009", "label_flip|r-992", "label_flip|r-1008",
            "score_delta|r-0", "score_delta|r-1", "score_delta|r-2", "score_delta|r-3", "score_delta|r-4",
        ])
    }

    @Test func samplingCountsEveryKthRecordAndEveryDisagreement() async throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        var settings = Self.exact
        settings.sampleEvery = 4
        let (db, _) = try await replay(dir, settings: settings)
        defer { db.close() }
        try check(db, """
            SELECT sum(sampled), sum(disagreements), max(sample_every) FROM feature_buckets WHERE feature = 'plan'
            """, ["500|87|4"])
        // Every 4th record is even: plan = a.
        try check(db, "SELECT bucket, sampled FROM feature_buckets WHERE feature = 'plan' AND sampled > 0", ["a|500"])
    }
}
