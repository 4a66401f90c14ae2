import FoundationEssentials
import ShadowCore

extension SQLiteStore {
    /// Inserts (or replaces) one latency row per model.
    static func insert(_ rows: [LatencyRow], run: Int64, into db: SQLiteDatabase) throws(SQLiteError) {
        let insert = try db.prepare("""
            INSERT OR REPLACE INTO latency(run_id, model, count, errors, p50_ms, p90_ms, p99_ms, p999_ms, max_ms,
                                           throughput, histogram)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            try insert.bind([.integer(run), .text(row.model), .integer(Int64(row.count)),
                             .integer(Int64(row.errors)), .double(row.p50Ms), .double(row.p90Ms),
                             .double(row.p99Ms), .double(row.p999Ms), .double(row.maxMs), .double(row.throughput),
                             .text(row.histogram)])
            try insert.step()
            insert.reset()
        }
    }

    /// Runs `body`, naming `table` in any SQLite error it throws.
    static func writing<T>(_ table: String, path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw SQLiteStoreError.writeFailed(table: table, path: path, underlying: error)
        }
    }

    /// Compact JSON with sorted keys and unescaped slashes (paths stay readable in `sqlite3`).
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
