import FoundationEssentials
import ShadowSQLite

extension ReportLoader {
    /// The run's manifest, or a note saying why there is none.
    func manifest(_ run: Int64) throws -> (ReportManifest?, String?) {
        guard try has(column: "manifest_json", in: "runs") else {
            return (nil, "This database predates run manifests (schema before version 5).")
        }
        guard let text = try db.scalar("SELECT manifest_json FROM runs WHERE id = ?", .integer(run))?.stringValue else {
            return (nil, "Run \(run) has no manifest (it was recorded before manifests existed).")
        }
        do {
            return (try JSONDecoder().decode(ReportManifest.self, from: Data(text.utf8)), nil)
        } catch {
            return (nil, "Run \(run)'s stored manifest cannot be read (\(error)).")
        }
    }

    /// The backtest `choice` names (automatic: the newest one that replayed one of the run's input files).
    func loadBacktest(_ choice: BacktestChoice, run: RunReport.RunInfo?, manifest: ReportManifest?)
        throws -> (BacktestReport?, String?) {
        guard try has("backtests"), try has("backtest_points") else {
            return (nil, "This database has no backtest tables (schema before version 6).")
        }
        let id: String
        switch choice {
        case .none:
            return (nil, "No backtest asked for (--no-backtest).")
        case .id("latest"):
            guard let latest = try db.scalar("SELECT backtest FROM backtests ORDER BY id DESC LIMIT 1")?.stringValue
            else { return (nil, "The database has no backtests.") }
            id = latest
        case .id(let given):
            guard try db.scalar("SELECT count(*) FROM backtests WHERE backtest = ?", .text(given))?.intValue ?? 0 > 0
            else { throw Failure(description: "backtest \(given) does not exist") }
            id = given
        case .automatic:
            let runInputs = Set(((manifest?.inputs?.map(\.path) ?? []) + (run?.inputs ?? [])).map(Self.normalized))
            let candidates = try db.query("SELECT backtest, inputs_json FROM backtests GROUP BY backtest ORDER BY max(id) DESC") {
                ($0.text(at: 0) ?? "", $0.text(at: 1) ?? "[]")
            }
            let match = candidates.first { _, json in
                let paths = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
                return paths.map(Self.normalized).contains { path in
                    runInputs.contains { $0 == path || path.hasSuffix("/" + $0) || $0.hasSuffix("/" + path) }
                }
            }
            guard let match else {
                return (nil, candidates.isEmpty ? "The database has no backtests."
                        : "No backtest replayed this run's input files (shadowctl report --backtest ID shows one).")
            }
            id = match.0
        }
        return (try backtest(id), nil)
    }

    func backtest(_ id: String) throws -> BacktestReport {
        struct Retrain: Decodable {
            var index: Int64
            var timeMs: Double?
            var promoted: Bool?
        }
        var created = ""
        var records: Int64 = 0
        var inputs: [String] = []
        var strategies = try db.query("""
            SELECT id, strategy, summary, metric_name, metric, rank, retrains, promoted, train_seconds, label_delay,
                   mean_age, stale, retrains_json, created_at, records, inputs_json
            FROM backtests WHERE backtest = ? ORDER BY rank, strategy
            """, .text(id)) { s -> (Int64, BacktestReport.Strategy) in
            created = s.text(at: 13) ?? ""
            records = s.int64(at: 14)
            inputs = (try? JSONDecoder().decode([String].self, from: Data((s.text(at: 15) ?? "[]").utf8))) ?? []
            let retrains = (try? JSONDecoder().decode([Retrain].self, from: Data((s.text(at: 12) ?? "[]").utf8))) ?? []
            return (s.int64(at: 0), BacktestReport.Strategy(
                name: s.text(at: 1) ?? "", summary: s.text(at: 2) ?? "", metricName: s.text(at: 3) ?? "",
                metric: s.optionalDouble(at: 4), rank: s.int64(at: 5), retrains: s.int64(at: 6), promoted: s.int64(at: 7),
                trainSeconds: s.double(at: 8), labelDelay: s.double(at: 9), meanAge: s.double(at: 10),
                stale: s.double(at: 11), retrainInstants: retrains.map { ($0.index, $0.timeMs, $0.promoted ?? true) },
                points: []))
        }
        for i in strategies.indices {
            strategies[i].1.points = try db.query("""
                SELECT idx, record_time, metric FROM backtest_points WHERE backtest_id = ? ORDER BY idx
                """, .integer(strategies[i].0)) { s in
                (s.int64(at: 0), s.text(at: 1).flatMap(StoredTime.epochMs), s.optionalDouble(at: 2))
            }
        }
        return BacktestReport(id: id, createdAt: created, records: records, inputs: inputs,
                              strategies: strategies.map(\.1))
    }

    /// A path with `//`-joined absolute paths cut to the last one, and `.` and `..` segments resolved.
    static func normalized(_ path: String) -> String {
        var p = Substring(path)
        let bytes = Array(path.utf8)
        if let last = bytes.indices.dropLast().last(where: { bytes[$0] == UInt8(ascii: "/") && bytes[$0 + 1] == UInt8(ascii: "/") }) {
            p = Substring(String(decoding: bytes[(last + 1)...], as: UTF8.self))
        }
        var parts: [Substring] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty, parts.last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (p.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
