import FoundationEssentials
import ShadowCore
import ShadowSQLite

/// Reads a run's report sections from a shadowd database. Tables or views the database does not have (an older
/// schema) leave their section nil; a run without rows in them leaves it empty.
public struct ReportLoader {
    /// Which backtest the report shows.
    public enum BacktestChoice: Sendable, Equatable {
        /// The latest backtest that replayed the run's input files, if any.
        case automatic
        /// The backtest with this id (`bt-…`), or `latest` for the newest.
        case id(String)
        /// None.
        case none
    }

    /// Why a report cannot be made.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence naming the run or backtest.
        public var description: String
    }

    /// The database to read.
    public let db: SQLiteDatabase

    /// A loader over an open database.
    public init(db: SQLiteDatabase) {
        self.db = db
    }

    /// The report of run `run` (nil: a backtest alone) with the backtest chosen by `backtest`.
    public func load(run: Int64?, backtest: BacktestChoice) throws -> RunReport {
        var report = RunReport(run: nil)
        if let run {
            guard let info = try runInfo(run) else { throw Failure(description: "run \(run) does not exist") }
            report.run = info
            report.models = try models(run)
            report.latency = try latency(run)
            report.intervals = try has("timeline") ? try intervals(run) : nil
            report.rates = try has("timeline_rates") ? try rates(run) : nil
            report.features = try has("feature_lift") ? try features(run) : nil
            report.drift = try has("drift") ? try drift(run) : nil
            report.triggers = try has("triggers") ? try triggers(run) : nil
            (report.manifest, report.manifestNote) = try manifest(run)
        }
        (report.backtest, report.backtestNote) = try loadBacktest(backtest, run: report.run, manifest: report.manifest)
        if run == nil, report.backtest == nil {
            throw Failure(description: report.backtestNote ?? "no backtest to report")
        }
        return report
    }

    /// Whether the database has a table or view named `name`.
    func has(_ name: String) throws -> Bool {
        try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = ?", .text(name))?.intValue ?? 0 > 0
    }

    /// Whether `table` has a column named `column`.
    func has(column: String, in table: String) throws -> Bool {
        try db.query("SELECT name FROM pragma_table_info(?)", .text(table)) { $0.text(at: 0) }.contains(column)
    }

    func runInfo(_ run: Int64) throws -> RunReport.RunInfo? {
        try db.query("""
            SELECT id, started_at, finished_at, status, config_path, inputs_json, records, rejects, seconds
            FROM runs WHERE id = ?
            """, .integer(run)) { s in
            let inputs = (s.text(at: 5)).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
            return RunReport.RunInfo(id: s.int64(at: 0), startedAt: s.text(at: 1) ?? "", finishedAt: s.text(at: 2),
                                     status: s.text(at: 3) ?? "", configPath: s.text(at: 4) ?? "", inputs: inputs,
                                     records: s.optionalInt(at: 6), rejects: s.optionalInt(at: 7),
                                     seconds: s.optionalDouble(at: 8))
        }.first
    }

    func models(_ run: Int64) throws -> [RunReport.ModelInfo] {
        let version = try has(column: "version", in: "models") ? "version" : "NULL"
        return try db.query("""
            SELECT name, role, kind, location, digest, \(version) FROM models WHERE run_id = ?
            ORDER BY CASE role WHEN 'champion' THEN 0 WHEN 'shadow' THEN 1 ELSE 2 END, id
            """, .integer(run)) { s in
            RunReport.ModelInfo(name: s.text(at: 0) ?? "", role: s.text(at: 1) ?? "", kind: s.text(at: 2) ?? "",
                                location: s.text(at: 3) ?? "", digest: s.text(at: 4) ?? "", version: s.optionalInt(at: 5))
        }
    }

    func latency(_ run: Int64) throws -> [RunReport.ModelLatency] {
        try db.query("""
            SELECT l.model, l.count, l.errors, l.p50_ms, l.p90_ms, l.p99_ms, l.p999_ms, l.max_ms, l.throughput, l.histogram
            FROM latency l LEFT JOIN models m ON m.run_id = l.run_id AND m.name = l.model WHERE l.run_id = ?
            ORDER BY CASE m.role WHEN 'champion' THEN 0 WHEN 'shadow' THEN 1 ELSE 2 END, l.model
            """, .integer(run)) { s in
            var row = RunReport.ModelLatency(model: s.text(at: 0) ?? "", count: s.int64(at: 1), errors: s.int64(at: 2),
                                             p50: s.double(at: 3), p90: s.double(at: 4), p99: s.double(at: 5),
                                             p999: s.double(at: 6), max: s.double(at: 7), throughput: s.double(at: 8))
            do throws(HDRDecodingError) {
                row.curve = PercentileCurve(histogram: try HDRHistogramDecoder.decode(s.text(at: 9) ?? ""))
            } catch {
                row.decodeError = error.description
            }
            return row
        }
    }
}

extension SQLiteStatement {
    /// The integer in column `index`, nil for NULL.
    func optionalInt(at index: Int32) -> Int64? { isNull(at: index) ? nil : int64(at: index) }
    /// The real in column `index`, nil for NULL.
    func optionalDouble(at index: Int32) -> Double? { isNull(at: index) ? nil : double(at: index) }
}
