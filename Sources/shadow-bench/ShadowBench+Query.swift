import Foundation
import ShadowCore
import ShadowSQLite

/// `shadow-bench query-db N PATH`: a database with N disagreement rows (4 runs, 2 shadows, 3 kinds, ~330 bytes of
/// features JSON each, record times spanning a day per run, the latest run ending now) and the timeline tables an
/// observed replay would have left, made set-based from recursive CTEs; then each drill-down query of issue 6,
/// timed (best of 5, the database warm) beside the plain scan the planner avoids.
extension ShadowBench {
    static let queryRuns = 4
    /// Rows per `timeline_disagreements` interval.
    static let queryInterval = 4096

    static func queryDatabase(rows: Int, path: String) throws {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        let made = try seconds { try generateQueryDatabase(rows: rows, path: path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("query-db: \(rows) disagreement rows (\(size / 1_048_576) MiB) made in \(String(format: "%.1f", made)) s")
        let db = try SQLiteDatabase.openShadowReader(path: path)
        defer { db.close() }
        let run = try db.scalar("SELECT max(id) FROM runs")?.intValue.map(Int64.init) ?? 0
        let since = ISO8601Millis.string(epochMs: MonotonicClock.epochMs() - 2 * 3_600_000)!
        let columns = "id, run_id AS run, record_id, record_time, shadow, kind, champion_output, shadow_output, delta, "
            + "features"
        func disagreements(_ order: DisagreementQuery.Order, since: String?, kind: String? = "label_flip")
            -> DisagreementQuery {
            DisagreementQuery(run: run, shadow: "cand", kind: kind, since: since, order: order, limit: 100,
                              columns: columns)
        }
        let cases: [(String, (SQLiteDatabase) throws -> (Int, String))] = [
            ("disagreements --since 2h (order id)", { db in try plannedRows(disagreements(.id, since: since), db) }),
            ("disagreements --since 2h --order delta", { db in try plannedRows(disagreements(.delta, since: since), db) }),
            ("disagreements --since 2h --order time", { db in try plannedRows(disagreements(.time, since: since), db) }),
            ("disagreements --order delta", { db in try plannedRows(disagreements(.delta, since: nil), db) }),
            ("disagreements --order delta (any kind)",
             { db in try plannedRows(disagreements(.delta, since: nil, kind: nil), db) }),
            ("buckets --kind label_flip", { db in
                (try BucketQuery(run: run, shadow: "cand", labelFlips: true).run(on: db).rows.count, "view") }),
            ("buckets --features", { db in
                (try BucketQuery(run: run, shadow: "cand", perFeature: true).run(on: db).rows.count, "view") }),
            ("timeline (rates per shadow)", { db in
                (try TimelineQuery(run: run, subject: .shadows).run(on: db).rows.count, "view") }),
            ("timeline --models", { db in
                (try TimelineQuery(run: run, subject: .models).run(on: db).rows.count, "view") }),
        ]
        func pad(_ text: String, _ width: Int) -> String {
            width < 0 ? String(repeating: " ", count: max(0, -width - text.count)) + text
                : text + String(repeating: " ", count: max(0, width - text.count))
        }
        print(pad("query (run latest, shadow cand, limit 100)", 44) + pad("ms", -8) + pad("rows", -6) + "  path  verdict")
        var slow = 0
        for (name, body) in cases {
            var best = Double.infinity
            var result = (0, "")
            for _ in 0..<5 {
                let t = try seconds { result = try body(db) }
                best = min(best, t)
            }
            if best >= 0.2 { slow += 1 }
            print(pad(name, 44) + pad(String(format: "%.1f", best * 1000), -8) + pad("\(result.0)", -6) + "  "
                  + pad(result.1, 6) + (best < 0.2 ? "< 200 ms" : "SLOW"))
        }
        let plain = try seconds {
            _ = try QueryTable.run("""
                SELECT \(columns) FROM disagreements WHERE run_id = ? AND shadow = 'cand' AND kind = 'label_flip'
                AND record_time >= ? ORDER BY delta DESC, id LIMIT 100
                """, values: [.integer(run), .text(since)], on: db)
        }
        print(String(format: "(the plain scan for --since 2h --order delta: %.1f ms)", plain * 1000))
        print("query-db: \(cases.count - slow) of \(cases.count) queries under 200 ms")
    }

    static func plannedRows(_ query: DisagreementQuery, _ db: SQLiteDatabase) throws -> (Int, String) {
        let (table, path) = try query.run(on: db)
        return (table.rows.count, path.rawValue)
    }

    /// Fills a fresh database: the disagreements in one INSERT…SELECT (its index built afterwards), then the
    /// observer's tables from the same row formulas, so the planner's counts agree with the rows.
    static func generateQueryDatabase(rows: Int, path: String) throws {
        let db = try SQLiteDatabase.openShadowStore(path: path)
        defer { db.close() }
        try db.execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
        let perRun = max(1, rows / queryRuns)
        let now = MonotonicClock.epochMs() / 1000
        var latency = LatencyRecorder()
        for nanos: UInt64 in [20_000, 25_000, 31_000, 48_000, 120_000] { latency.record(nanos: nanos) }
        // Row i: run i / perRun, ordinal j = i % perRun; h scrambles i into shadow, kind, delta and features.
        let rowsCTE = """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows - 1)),
            r AS (SELECT i, i / \(perRun) AS run, i % \(perRun) AS j, (i * 2654435761) % 1000003 AS h FROM n),
            d AS (SELECT i, run, j, h, CASE WHEN h % 3 = 0 THEN 'cand2' ELSE 'cand' END AS shadow,
                         CASE WHEN h % 100 < 30 THEN 'label_flip' WHEN h % 100 < 95 THEN 'score_delta'
                              ELSE 'shadow_error' END AS kind,
                         CASE WHEN h % 100 < 95 THEN (h % 10007) / 20014.0 END AS delta,
                         \(now) - (\(queryRuns - 1) - run) * 86400 - 86400 + j * 86400.0 / \(perRun) AS t
                  FROM r)
            """
        let time = "strftime('%Y-%m-%dT%H:%M:%fZ', t, 'unixepoch')"
        let features = """
            printf('{"age":%d,"income":%d,"plan":"%s","tenure_months":%d,"logins_30d":%d,"spend_30d":%.2f,\
            "support_tickets":%d,"days_since_login":%d,"discount":%.2f,"pages_per_visit":%.2f,"region":"%s",\
            "device":"%s","returning":%s}', 18 + h % 60, 20000 + h % 90000,
                   CASE h % 4 WHEN 0 THEN 'pro' WHEN 1 THEN 'basic' WHEN 2 THEN 'free' ELSE 'team' END,
                   h % 120, h % 31, (h % 50000) / 100.0, h % 5, h % 90, (h % 3) / 20.0, (h % 2000) / 100.0,
                   CASE h % 5 WHEN 0 THEN 'eu-west' WHEN 1 THEN 'us-east' WHEN 2 THEN 'us-west' WHEN 3 THEN 'ap-south'
                        ELSE 'sa-east' END, CASE h % 3 WHEN 0 THEN 'ios' WHEN 1 THEN 'android' ELSE 'web' END,
                   CASE h % 2 WHEN 0 THEN 'true' ELSE 'false' END)
            """
        try db.transaction {
            for run in 0..<queryRuns {
                try db.run("""
                    INSERT INTO runs(id, started_at, finished_at, status, config_path, inputs_json, records, rejects, seconds)
                    VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', ?, 'unixepoch'), NULL, 'done', 'bench.toml', '[]', ?, 0, 60)
                    """, .integer(Int64(run + 1)), .double(now - Double(queryRuns - run) * 86400),
                    .integer(Int64(perRun * 5)))
                for (name, role) in [("champion", "champion"), ("cand", "shadow"), ("cand2", "shadow")] {
                    try db.run("INSERT INTO models(run_id, name, role, kind, location, digest) VALUES (?, ?, ?, 'xgboost', '', '')",
                               .integer(Int64(run + 1)), .text(name), .text(role))
                }
            }
            try db.execute("DROP INDEX disagreements_run_shadow_kind")
            try db.execute("""
                \(rowsCTE)
                INSERT INTO disagreements(id, run_id, record_id, record_time, shadow, kind, champion_output, shadow_output,
                                          delta, features)
                SELECT i + 1, run + 1, printf('r-%08d', j), \(time), shadow, kind, printf('%.6f', (h % 1000) / 1000.0),
                       CASE kind WHEN 'shadow_error' THEN '{"error":"timeout"}' ELSE printf('%.6f', (h % 997) / 997.0) END,
                       delta, \(features)
                FROM d
                """)
            try db.execute("CREATE INDEX disagreements_run_shadow_kind ON disagreements(run_id, shadow, kind)")
            // What the observer would have written: per interval of rows, each shadow's counts per kind…
            try db.execute("""
                \(rowsCTE)
                INSERT INTO timeline_disagreements(run_id, interval, shadow, kind, compared, count)
                SELECT run + 1, j / \(queryInterval), shadow, kind, \(queryInterval * 5), count(*) FROM d
                GROUP BY run, j / \(queryInterval), shadow, kind
                """)
            // …each model's interval row (record times from the same formula)…
            try db.run("""
                WITH RECURSIVE k(run, interval) AS (SELECT 0, 0 UNION ALL SELECT run + (interval + 1) / ?2,
                    (interval + 1) % ?2 FROM k WHERE run < \(queryRuns - 1) OR interval + 1 < ?2),
                s AS (SELECT run, interval, \(now) - (\(queryRuns - 1) - run) * 86400 - 86400 AS base FROM k)
                INSERT INTO timeline(run_id, interval, started_at, seconds, min_record_time, max_record_time, model,
                                     requests, errors, p50_ms, p99_ms, max_ms, histogram)
                SELECT run + 1, interval, strftime('%Y-%m-%dT%H:%M:%fZ', base + 86400 + interval * 0.05, 'unixepoch'), 0.05,
                       strftime('%Y-%m-%dT%H:%M:%fZ', base + interval * \(queryInterval) * 86400.0 / ?3, 'unixepoch'),
                       strftime('%Y-%m-%dT%H:%M:%fZ', base + ((interval + 1) * \(queryInterval) - 1) * 86400.0 / ?3,
                                'unixepoch'),
                       m.name, \(queryInterval * 5), interval % 7, 0.025, 0.048, 0.12, ?1
                FROM s, (SELECT 'champion' AS name UNION ALL SELECT 'cand' UNION ALL SELECT 'cand2') m
                """, .text(latency.encodedHistogram()), .integer(Int64((perRun + queryInterval - 1) / queryInterval)),
                .integer(Int64(perRun)))
            // …the feature buckets (deciles of income, one bucket per plan)…
            try db.execute("""
                WITH RECURSIVE q(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM q WHERE x < 10)
                INSERT INTO feature_buckets(run_id, shadow, feature, bucket, position, lower, upper, sampled, sample_every,
                                            disagreements, label_flips)
                SELECT r.id, s.name, 'income', CASE x WHEN 0 THEN 'missing' ELSE printf('[%d, %d)', 11000 + x * 9000,
                       20000 + x * 9000) END, x, NULL, NULL, 1000 + x * 37, 4, 800 + x * 91, 240 + x * 29
                FROM q, runs r, (SELECT 'cand' AS name UNION ALL SELECT 'cand2') s
                UNION ALL
                SELECT r.id, s.name, 'plan', p.plan, p.position, NULL, NULL, p.sampled, 4, p.d, p.f
                FROM runs r, (SELECT 'cand' AS name UNION ALL SELECT 'cand2') s,
                     (SELECT 'missing' AS plan, 0 AS position, 0 AS sampled, 0 AS d, 0 AS f UNION ALL
                      SELECT 'other', 1, 0, 0, 0 UNION ALL SELECT 'pro', 2, 2500, 4200, 1700 UNION ALL
                      SELECT 'basic', 3, 2500, 2100, 500 UNION ALL SELECT 'free', 4, 2500, 1900, 400 UNION ALL
                      SELECT 'team', 5, 2500, 2000, 450) p
                """)
            // …and the top 1,000 by |delta| per run, shadow and kind (from the rows with the largest deltas).
            try db.execute("""
                \(rowsCTE)
                INSERT INTO top_disagreements(run_id, shadow, kind, magnitude, seq, record_id, record_time, champion_output,
                                              shadow_output, delta, features)
                SELECT run_id, shadow, kind, delta, seq, record_id, record_time, champion_output, shadow_output, delta,
                       features
                FROM (SELECT run + 1 AS run_id, shadow, kind, delta, i AS seq, printf('r-%08d', j) AS record_id,
                             \(time) AS record_time, printf('%.6f', (h % 1000) / 1000.0) AS champion_output,
                             printf('%.6f', (h % 997) / 997.0) AS shadow_output, \(features) AS features,
                             row_number() OVER (PARTITION BY run, shadow, kind ORDER BY delta DESC, i) AS rank
                      FROM d WHERE delta >= 0.49)
                WHERE rank <= 1000
                """)
        }
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
