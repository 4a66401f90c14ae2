#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ShadowSQLite

/// Writes a finished paced run's load report into its database: the load columns of its `latency` rows, its
/// `latency_verdicts` rows, and the report under `load` in `runs.summary_json` — one transaction, on a
/// connection of its own (after the store has finished the run).
public enum LoadStoreWriter {
    /// Stores `report` for run `run` of the database at `path`.
    public static func write(_ report: LoadReport, run: Int64, path: String) throws {
        let db = try SQLiteDatabase.openShadowStore(path: path)
        defer { db.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        try db.transaction {
            for m in report.models {
                try db.run("""
                    UPDATE latency SET profile = ?, offered_rate = ?, achieved_rate = ?, lag_p50_ms = ?, lag_p99_ms = ?,
                        lag_max_ms = ?, cap_hits = ?, timeouts = ?, service_p50_ms = ?, service_p90_ms = ?,
                        service_p99_ms = ?, service_p999_ms = ?, service_max_ms = ?, service_histogram = ?
                    WHERE run_id = ? AND model = ?
                    """, .text(report.profile), report.offeredRate.map(SQLiteValue.double) ?? .null,
                    .double(m.achievedRate), .double(report.lagP50Ms), .double(report.lagP99Ms), .double(report.lagMaxMs),
                    .integer(Int64(m.capHits)), .integer(Int64(m.timeouts)), .double(m.serviceP50Ms),
                    .double(m.serviceP90Ms), .double(m.serviceP99Ms), .double(m.serviceP999Ms), .double(m.serviceMaxMs),
                    .text(m.serviceHistogram), .integer(run), .text(m.name))
            }
            for v in report.verdicts {
                try db.run("""
                    INSERT OR REPLACE INTO latency_verdicts
                        (run_id, shadow, champion, percentile, ratio, ci_low, ci_high, intervals, verdict)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, .integer(run), .text(v.shadow), .text(v.champion), .double(v.percentile), .double(v.ratio),
                    v.low.map(SQLiteValue.double) ?? .null, v.high.map(SQLiteValue.double) ?? .null,
                    .integer(Int64(v.intervals)), .text(v.verdict))
            }
            try db.run("UPDATE runs SET summary_json = json_set(COALESCE(summary_json, '{}'), '$.load', json(?)) WHERE id = ?",
                       .text(json), .integer(run))
        }
    }
}
