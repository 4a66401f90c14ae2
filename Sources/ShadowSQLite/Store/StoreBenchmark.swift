#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShadowCore

/// Write-throughput measurements of the store against SQLite's own set-based insert, for the benchmark target.
///
/// Both write the same row shape (ids, ISO-8601 times, two short outputs, a delta and ~310 bytes of features
/// JSON) into the real `disagreements` table of a fresh database at `path` (replacing any file there).
public enum StoreBenchmark {
    /// Rows per second of one `INSERT INTO disagreements … SELECT … FROM (WITH RECURSIVE …)` in one transaction,
    /// committed: SQLite's own floor. Per-row work in SQL is kept minimal (the id is formatted, the time, outputs
    /// and features are bound once), so the anchor measures the table, index and disk, not SQL functions.
    public static func setBasedFloor(path: String, rows: Int) throws -> Double {
        removeDatabase(at: path)
        let db = try SQLiteDatabase.openShadowStore(path: path)
        defer { db.close() }
        try db.run("INSERT INTO runs(started_at, config_path, inputs_json) VALUES ('2025-03-03T00:00:00.000Z', '', '[]')")
        let run = db.lastInsertRowID
        let sample = sampleRows([rows / 2])[0]
        let start = MonotonicClock.nanoseconds
        try db.transaction {
            try db.run("""
                INSERT INTO disagreements(run_id, record_id, record_time, shadow, kind, champion_output,
                                          shadow_output, delta, features)
                SELECT ?1, printf('r-%07d', x), ?3, 'candidate',
                       CASE x % 2 WHEN 0 THEN 'label_flip' ELSE 'score_delta' END, ?4, ?5, x % 1000 / 1000.0, ?6
                FROM (WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x < ?2 - 1) SELECT x FROM c)
                """, .integer(run), .integer(Int64(rows)), .text(ISO8601Millis.string(epochMs: sample.recordTimeMs ?? 0) ?? ""), .text(sample.championOutput),
                .text(sample.shadowOutput), .text(sample.featuresJSON ?? "{}"))
        }
        return Double(rows) / seconds(since: start)
    }

    /// Rows per second through `SQLiteStore.append` (in batches of `batch` rows) until `flush` returns.
    /// The rows are built before the clock starts.
    public static func storeRate(path: String, rows: Int, batch: Int = 512, settings: StoreSettings = .init())
        throws -> Double
    {
        removeDatabase(at: path)
        let store = try SQLiteStore(path: path, settings: settings)
        defer { store.close() }
        let run = try store.beginRun(RunInfo(startedAtMs: 1_740_960_000_000, configPath: "", inputs: [], models: []))
        let batches = stride(from: 0, to: rows, by: max(1, batch)).map { first in
            sampleRows(Array(first..<min(rows, first + max(1, batch))))
        }
        let start = MonotonicClock.nanoseconds
        for rows in batches { try store.append(run: run, disagreements: rows, rejects: []) }
        try store.flush()
        return Double(rows) / seconds(since: start)
    }

    /// Disagreement rows shaped like the set-based floor's, numbered by `indices`.
    public static func sampleRows(_ indices: [Int]) -> [DisagreementRow] {
        indices.map { x in
            let champion = Double(x % 1000) / 1000
            let shadow = Double(x * 7 % 1000) / 1000
            return DisagreementRow(
                recordID: "r-" + padded(x, 7), recordTimeMs: 1_740_960_000_000 + Double(x) * 10,
                shadow: "candidate", kind: x % 2 == 0 ? .labelFlip : .scoreDelta,
                championOutput: fixed6(champion), shadowOutput: fixed6(shadow), delta: shadow - champion,
                featuresJSON: features(age: x % 90, spend: Double(x % 10000) / 100))
        }
    }

    private static let featuresHead = #"{"age":"#
    private static let featuresMiddle = #","plan":"pro","spend":"#
    private static let featuresTail = #","tenure_days":734,"country":"DE","device":"ios","sessions_7d":12,"#
        + #""avg_basket":33.21,"discount":0.15,"returning":true,"support_tickets":1,"last_seen_hours":5.5,"#
        + #""region":"eu-central","channel":"organic","score_bucket":7,"referrals":2,"app_version":"5.12.3","#
        + #""locale":"de_DE"}"#

    private static func features(age: Int, spend: Double) -> String {
        let cents = Int((spend * 100).rounded())
        return featuresHead + String(age) + featuresMiddle + "\(cents / 100)." + padded(cents % 100, 2) + featuresTail
    }

    private static func fixed6(_ value: Double) -> String {
        let micros = Int((value * 1_000_000).rounded())
        return "\(micros / 1_000_000)." + padded(micros % 1_000_000, 6)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(MonotonicClock.nanoseconds - start) / 1e9
    }

    private static func removeDatabase(at path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
