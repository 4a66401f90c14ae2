import FoundationEssentials
import ShadowSQLite

/// The SQL of the `drift`, `triggers` and `monitor_state` tables.
enum MonitorRows {
    /// Inserts one window's `drift` rows.
    static func insert(_ report: WindowReport, reference: String, into db: SQLiteDatabase) throws {
        let insert = try db.prepare("""
            INSERT INTO drift(run_id, window, window_start, window_end, signal, feature, statistic, value, threshold,
                              samples, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let start = time(report.startMs), end = time(report.endMs)
        for v in report.values {
            try insert.bind([.integer(report.run), .integer(Int64(report.index)), start, end, .text(v.signal),
                             v.feature.map { .text($0) } ?? .null, .text(v.statistic),
                             v.value.isFinite ? .double(v.value) : .null, v.threshold.map { .double($0) } ?? .null,
                             .integer(Int64(v.samples)), .text(reference)])
            _ = try insert.step()
            insert.reset()
        }
    }

    /// Inserts a `triggers` row (ignored when the same run, rule, window and level is already there).
    static func insert(_ e: TriggerEvent, into db: SQLiteDatabase) throws {
        try db.run("""
            INSERT OR IGNORE INTO triggers(run_id, rule, level, signal, feature, statistic, value, threshold, window, at,
                                           created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            """, .integer(e.run), .text(e.rule), .text(e.level.rawValue), .text(e.signal),
            e.feature.map { .text($0) } ?? .null, .text(e.statistic), e.value.isFinite ? .double(e.value) : .null,
            e.threshold.isFinite ? .double(e.threshold) : .null, .integer(Int64(e.window)), time(e.atMs))
    }

    /// Stores the results of a trigger's actions on its row.
    static func record(_ results: [ActionResult], of e: TriggerEvent, into db: SQLiteDatabase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(results), as: UTF8.self)
        let exit = results.first { $0.kind == "exec" }?.exit
        try db.run("""
            UPDATE triggers SET actions_json = ?, hook_exit = ?
            WHERE run_id = ? AND rule = ? AND window = ? AND level = ?
            """, .text(json), exit.map { .integer(Int64($0)) } ?? .null, .integer(e.run), .text(e.rule),
            .integer(Int64(e.window)), .text(e.level.rawValue))
    }

    /// Replaces one part of a run's persisted state.
    static func saveState(run: Int64, part: String, json: String, into db: SQLiteDatabase) throws {
        try db.run("""
            INSERT OR REPLACE INTO monitor_state(run_id, part, updated_at, state)
            VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)
            """, .integer(run), .text(part), .text(json))
    }

    /// One part of a run's persisted state, if any.
    static func loadState(run: Int64, part: String, from db: SQLiteDatabase) throws -> String? {
        try db.scalar("SELECT state FROM monitor_state WHERE run_id = ? AND part = ?", .integer(run), .text(part))?
            .stringValue
    }

    /// Epoch milliseconds as ISO-8601 text (UTC, milliseconds), NULL when absent.
    static func time(_ ms: Double?) -> SQLiteValue {
        guard let ms, let text = ISO8601Millis.string(epochMs: ms) else { return .null }
        return .text(text)
    }
}
