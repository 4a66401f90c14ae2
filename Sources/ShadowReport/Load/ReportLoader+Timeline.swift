import ShadowSQLite

extension ReportLoader {
    /// The run's first interval start (epoch ms), the origin of the timeline's elapsed seconds.
    func timelineOrigin(_ run: Int64) throws -> Double? {
        try db.scalar("SELECT min(started_at) FROM timeline WHERE run_id = ?", .integer(run))?.stringValue
            .flatMap(StoredTime.epochMs)
    }

    func intervals(_ run: Int64) throws -> [RunReport.ModelInterval] {
        let origin = try timelineOrigin(run) ?? 0
        return try db.query("""
            SELECT model, interval, started_at, seconds, requests, errors, p50_ms, p99_ms FROM timeline WHERE run_id = ?
            ORDER BY model, interval
            """, .integer(run)) { s in
            let seconds = s.double(at: 3)
            let start = s.text(at: 2).flatMap(StoredTime.epochMs) ?? origin
            let requests = s.int64(at: 4), errors = s.int64(at: 5)
            return RunReport.ModelInterval(
                model: s.text(at: 0) ?? "", interval: s.int64(at: 1), elapsed: (start - origin) / 1000 + seconds,
                requests: requests, errors: errors, p50: s.optionalDouble(at: 6), p99: s.optionalDouble(at: 7),
                throughput: seconds > 0 ? Double(requests - errors) / seconds : nil)
        }
    }

    func rates(_ run: Int64) throws -> [RunReport.ShadowRate] {
        let origin = try has("timeline") ? try timelineOrigin(run) ?? 0 : 0
        return try db.query("""
            SELECT shadow, role, kind, interval, started_at, seconds, compared, disagreements, rate, run_rate, noise,
                   replica_rate
            FROM timeline_rates WHERE run_id = ? ORDER BY shadow, kind, interval
            """, .integer(run)) { s in
            let start = s.text(at: 4).flatMap(StoredTime.epochMs) ?? origin
            return RunReport.ShadowRate(
                shadow: s.text(at: 0) ?? "", role: s.text(at: 1), kind: s.text(at: 2) ?? "", interval: s.int64(at: 3),
                elapsed: (start - origin) / 1000 + (s.optionalDouble(at: 5) ?? 0), compared: s.int64(at: 6),
                disagreements: s.int64(at: 7), rate: s.double(at: 8), runRate: s.double(at: 9), noise: s.double(at: 10),
                replicaRate: s.optionalDouble(at: 11))
        }
    }

    func features(_ run: Int64) throws -> [RunReport.FeatureLift] {
        try db.query("""
            SELECT shadow, feature, records, disagreements, skew, top_bucket, top_lift, top_share, top_record_share
            FROM feature_lift WHERE run_id = ? ORDER BY shadow, top_lift IS NULL, top_lift DESC, feature
            """, .integer(run)) { s in
            RunReport.FeatureLift(shadow: s.text(at: 0) ?? "", feature: s.text(at: 1) ?? "", records: s.int64(at: 2),
                                  disagreements: s.int64(at: 3), skew: s.optionalDouble(at: 4), topBucket: s.text(at: 5),
                                  topLift: s.optionalDouble(at: 6), topShare: s.optionalDouble(at: 7),
                                  topRecordShare: s.optionalDouble(at: 8))
        }
    }

    func drift(_ run: Int64) throws -> [RunReport.DriftValue] {
        try db.query("""
            SELECT window, window_end, signal, feature, statistic, value, threshold, samples FROM drift WHERE run_id = ?
            ORDER BY statistic, signal, window
            """, .integer(run)) { s in
            RunReport.DriftValue(window: s.int64(at: 0), windowEnd: s.text(at: 1).flatMap(StoredTime.epochMs),
                                 signal: s.text(at: 2) ?? "", feature: s.text(at: 3), statistic: s.text(at: 4) ?? "",
                                 value: s.optionalDouble(at: 5), threshold: s.optionalDouble(at: 6),
                                 samples: s.int64(at: 7))
        }
    }

    func triggers(_ run: Int64) throws -> [RunReport.TriggerRow] {
        try db.query("""
            SELECT rule, level, signal, statistic, value, threshold, window, at, hook_exit FROM triggers WHERE run_id = ?
            ORDER BY window, id
            """, .integer(run)) { s in
            RunReport.TriggerRow(rule: s.text(at: 0) ?? "", level: s.text(at: 1) ?? "", signal: s.text(at: 2),
                                 statistic: s.text(at: 3), value: s.optionalDouble(at: 4),
                                 threshold: s.optionalDouble(at: 5), window: s.int64(at: 6), at: s.text(at: 7),
                                 hookExit: s.optionalInt(at: 8))
        }
    }
}
