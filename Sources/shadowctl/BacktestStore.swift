import Foundation
import ShadowBacktest
import ShadowCore
import ShadowSQLite

/// Writes a backtest's results to the `backtests` and `backtest_points` tables in one transaction.
enum BacktestStore {
    /// Stores every strategy's row and points; returns the backtest's id (a UUID-like text shared by its rows).
    static func write(_ results: [StrategyResult], database: String, config: String, strategiesPath: String,
                      inputs: [String], records: Int, scenarios: ScenarioSettings) throws -> String {
        let db = try SQLiteDatabase.openShadowStore(path: database)
        defer { db.close() }
        let id = "bt-" + iso(Date().timeIntervalSince1970 * 1000) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let inputsJSON = String(decoding: try encoder.encode(inputs.map { FileDigest.absolute($0) }), as: UTF8.self)
        let scenariosJSON = scenarios.isEmpty ? nil : String(decoding: try encoder.encode(scenarios), as: UTF8.self)
        try db.transaction {
            let now = iso(Date().timeIntervalSince1970 * 1000)
            for r in results {
                try db.run("""
                    INSERT INTO backtests(backtest, created_at, config_path, strategies_path, inputs_json, records, strategy,
                        summary, metric_name, metric, rank, retrains, promoted, train_seconds, label_delay, mean_age, stale,
                        retrains_json, scenarios_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, .text(id), .text(now), .text(config), .text(strategiesPath), .text(inputsJSON),
                    .integer(Int64(records)), .text(r.name), .text(r.summary), .text(r.metricName),
                    r.metric.isNaN ? .null : .double(r.metric), .integer(Int64(r.rank)), .integer(Int64(r.retrains.count)),
                    .integer(Int64(r.promotedCount)), .double(r.trainSeconds), .double(r.labelDelay), .double(r.meanAge),
                    .double(r.stale), .text(String(decoding: try encoder.encode(r.retrains), as: UTF8.self)),
                    scenariosJSON.map { .text($0) } ?? .null)
                let row = db.lastInsertRowID
                let insert = try db.prepare("""
                    INSERT INTO backtest_points(backtest_id, idx, record_time, metric, retrains, age, stale)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                for p in r.points {
                    try insert.bind([.integer(row), .integer(Int64(p.index)), p.timeMs.map { .text(iso($0)) } ?? .null,
                                     p.metric.isNaN ? .null : .double(p.metric), .integer(Int64(p.retrains)),
                                     .double(p.age), .integer(p.stale ? 1 : 0)])
                    _ = try insert.step()
                    insert.reset()
                }
            }
        }
        return id
    }

    /// Epoch milliseconds as `2024-01-01T00:00:00Z`.
    static func iso(_ ms: Double) -> String {
        let seconds = Int64((ms / 1000).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // Civil from days (Howard Hinnant).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
