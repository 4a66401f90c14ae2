import FoundationEssentials
import ShadowCore

extension GateEvidence {
    /// Why evidence could not be gathered.
    public struct Missing: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence naming the shadow and run.
        public var description: String
    }

    /// The evidence for `shadow` from run `run`, or from the latest finished run in which it was a shadow.
    public static func load(shadow: String, run: Int64?, from db: SQLiteDatabase) throws -> GateEvidence {
        let id: Int64
        if let run {
            guard let status = try db.scalar("SELECT status FROM runs WHERE id = ?", .integer(run))?.stringValue else {
                throw Missing(description: "run \(run) does not exist")
            }
            guard status == "done" else { throw Missing(description: "run \(run) is \(status), not done") }
            guard try db.scalar("SELECT 1 FROM models WHERE run_id = ? AND name = ? AND role = 'shadow'",
                                .integer(run), .text(shadow)) != nil else {
                throw Missing(description: "run \(run) did not replay \(shadow) as a shadow")
            }
            id = run
        } else {
            guard let latest = try db.scalar("""
                SELECT max(r.id) FROM runs r JOIN models m ON m.run_id = r.id
                WHERE r.status = 'done' AND m.name = ? AND m.role = 'shadow'
                """, .text(shadow))?.intValue else {
                throw Missing(description: "no finished run has replayed \(shadow) as a shadow; replay traffic first")
            }
            id = Int64(latest)
        }
        let champion = try db.scalar("SELECT name FROM models WHERE run_id = ? AND role = 'champion'",
                                     .integer(id))?.stringValue ?? ""
        let summaryText = try db.scalar("SELECT summary_json FROM runs WHERE id = ?", .integer(id))?.stringValue
        guard let summaryText,
              let summary = try? JSONDecoder().decode(RunSummary.self, from: Data(summaryText.utf8)) else {
            throw Missing(description: "run \(id) has no readable summary")
        }
        let counts = summary.shadows.first { $0.name == shadow } ?? ShadowSummary(name: shadow)
        return GateEvidence(run: id, shadow: shadow, champion: champion, compared: counts.compared,
                            disagreements: counts.total, labelFlips: counts.labelFlip,
                            shadowLatency: try latency(of: shadow, run: id, db: db),
                            championLatency: try latency(of: champion, run: id, db: db))
    }

    static func latency(of model: String, run: Int64, db: SQLiteDatabase) throws -> Latency? {
        try db.query("SELECT count, errors, p50_ms, p99_ms, p999_ms FROM latency WHERE run_id = ? AND model = ?",
                     .integer(run), .text(model)) { row in
            Latency(requests: Int(row.int64(at: 0)), errors: Int(row.int64(at: 1)), p50Ms: row.double(at: 2),
                    p99Ms: row.double(at: 3), p999Ms: row.double(at: 4))
        }.first
    }
}
