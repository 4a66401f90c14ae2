import ShadowCore
import ShadowSQLite

/// The timeline observer's SQL: writes what a `RunTimeline` hands back, and reads what a resumed run continues from.
enum TimelineStorage {
    /// Writes closed intervals, adds bucket counts to the stored ones and replaces the run's top disagreements.
    static func write(_ rows: TimelineRows, into db: SQLiteDatabase) throws {
        if !rows.intervals.isEmpty {
            let model = try db.prepare("""
                INSERT OR REPLACE INTO timeline(run_id, interval, started_at, seconds, min_record_time, max_record_time,
                                                model, requests, errors, p50_ms, p99_ms, max_ms, histogram)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let shadow = try db.prepare("""
                INSERT OR REPLACE INTO timeline_disagreements(run_id, interval, shadow, kind, compared, count)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for interval in rows.intervals {
                let started = SQLiteValue.text(ISO8601Millis.string(epochMs: interval.startedAtMs) ?? "")
                for m in interval.models {
                    try model.bind([.integer(interval.run), .integer(Int64(interval.index)), started,
                                    .double(interval.seconds), time(interval.minRecordMs), time(interval.maxRecordMs),
                                    .text(m.name), .integer(Int64(m.requests)), .integer(Int64(m.errors)),
                                    real(m.p50Ms), real(m.p99Ms), real(m.maxMs), .text(m.histogram)])
                    try model.step()
                    model.reset()
                }
                for s in interval.shadows {
                    try shadow.bind([.integer(interval.run), .integer(Int64(interval.index)), .text(s.name),
                                     .text(s.kind.rawValue), .integer(Int64(s.compared)), .integer(Int64(s.count))])
                    try shadow.step()
                    shadow.reset()
                }
            }
        }
        if !rows.buckets.isEmpty {
            let bucket = try db.prepare("""
                INSERT INTO feature_buckets(run_id, shadow, feature, bucket, position, lower, upper, sampled,
                                            sample_every, disagreements, label_flips)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, shadow, feature, bucket) DO UPDATE SET
                    position = excluded.position, lower = excluded.lower, upper = excluded.upper,
                    sample_every = excluded.sample_every, sampled = sampled + excluded.sampled,
                    disagreements = disagreements + excluded.disagreements,
                    label_flips = label_flips + excluded.label_flips
                """)
            for b in rows.buckets {
                try bucket.bind([.integer(rows.run), .text(b.shadow), .text(b.feature), .text(b.bucket),
                                 .integer(Int64(b.position)), real(b.lower), real(b.upper), .integer(Int64(b.sampled)),
                                 .integer(Int64(rows.sampleEvery)), .integer(Int64(b.disagreements)),
                                 .integer(Int64(b.labelFlips))])
                try bucket.step()
                bucket.reset()
            }
        }
        if let top = rows.top {
            try db.run("DELETE FROM top_disagreements WHERE run_id = ?", .integer(rows.run))
            let insert = try db.prepare("""
                INSERT INTO top_disagreements(run_id, shadow, kind, magnitude, seq, record_id, record_time,
                                              champion_output, shadow_output, delta, features)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (row, seq) in top {
                try insert.bind([.integer(rows.run), .text(row.shadow), .text(row.kind.rawValue),
                                 .double(abs(row.delta ?? 0)), .integer(seq), .text(row.recordID), time(row.recordTimeMs),
                                 .text(row.championOutput), .text(row.shadowOutput), real(row.delta),
                                 row.featuresJSON.map { .text($0) } ?? .null])
                try insert.step()
                insert.reset()
            }
        }
    }

    /// What a run already has in the store: the next interval index, the bucket schemes of `features` (nil unless
    /// every feature has one), and the kept top disagreements.
    static func resume(run: Int64, features: [String], settings: TimelineSettings, from db: SQLiteDatabase) throws
        -> (nextIndex: Int, schemes: [FeatureScheme]?, top: [(row: DisagreementRow, seq: Int64)], rows: Int64)
    {
        let last = try db.scalar("SELECT max(interval) FROM timeline_disagreements WHERE run_id = ?", .integer(run))
        let lastModel = try db.scalar("SELECT max(interval) FROM timeline WHERE run_id = ?", .integer(run))
        let next = max(last?.intValue ?? -1, lastModel?.intValue ?? -1) + 1
        var byFeature: [String: [(label: String, position: Int, lower: Double?, upper: Double?)]] = [:]
        let rows = try db.query("""
            SELECT feature, bucket, position, lower, upper FROM feature_buckets
            WHERE run_id = ?1 AND shadow = (SELECT min(shadow) FROM feature_buckets WHERE run_id = ?1)
            """, .integer(run)) { s in
            (s.text(at: 0) ?? "", s.text(at: 1) ?? "", Int(s.int64(at: 2)), s.isNull(at: 3) ? nil : s.double(at: 3),
             s.isNull(at: 4) ? nil : s.double(at: 4))
        }
        for r in rows { byFeature[r.0, default: []].append((r.1, r.2, r.3, r.4)) }
        let names = Array(features.prefix(settings.maxFeatures))
        let schemes = names.map { byFeature[$0].flatMap { FeatureScheme.restore($0, settings: settings) } }
        let top = try db.query("""
            SELECT shadow, kind, record_id, record_time, champion_output, shadow_output, delta, features, seq
            FROM top_disagreements WHERE run_id = ?
            """, .integer(run)) { s -> (row: DisagreementRow, seq: Int64)? in
            guard let kind = DisagreementKind(rawValue: s.text(at: 1) ?? "") else { return nil }
            return (DisagreementRow(recordID: s.text(at: 2) ?? "", recordTimeMs: s.text(at: 3).flatMap(StoredTime.epochMs),
                                   shadow: s.text(at: 0) ?? "", kind: kind, championOutput: s.text(at: 4) ?? "",
                                   shadowOutput: s.text(at: 5) ?? "", delta: s.isNull(at: 6) ? nil : s.double(at: 6),
                                   featuresJSON: s.text(at: 7)), s.int64(at: 8))
        }.compactMap { $0 }
        let observed = try db.scalar("SELECT sum(count) FROM timeline_disagreements WHERE run_id = ?", .integer(run))
        let complete = !names.isEmpty && schemes.allSatisfy { $0 != nil }
        return (next, complete ? schemes.map { $0! } : nil, top, Int64(observed?.intValue ?? 0))
    }

    private static func time(_ ms: Double?) -> SQLiteValue {
        ms.flatMap { ISO8601Millis.string(epochMs: $0) }.map { .text($0) } ?? .null
    }

    private static func real(_ value: Double?) -> SQLiteValue {
        value.flatMap { $0.isFinite ? .double($0) : nil } ?? .null
    }
}
