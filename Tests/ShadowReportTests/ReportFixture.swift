import FoundationEssentials
import ShadowCore
import ShadowSQLite
@testable import ShadowReport

/// A small database built row by row: run 1 with every section (latency, timeline, buckets, drift, triggers,
/// manifest) and a backtest over the same input; run 2 with a run row only.
enum ReportFixture {
    static func make() throws -> (db: SQLiteDatabase, path: String) {
        let path = "/tmp/shadow-report-test-\(UInt32.random(in: 0...UInt32.max)).db"
        let db = try SQLiteDatabase.openShadowStore(path: path)
        let manifest = """
            {"format":1,"shadowd_version":"0.6.0","config":{"path":"/etc/c.toml","base_directory":"/etc",\
            "sha256":"cafe","text":"[store]\\npath = \\"<x>.db\\""},"inputs":[{"path":"/data/traffic.jsonl",\
            "size":1234,"xxh128":"0123456789abcdef0123456789abcdef"}],"models":[{"name":"champion","role":"champion",\
            "kind":"xgboost","location":"champion.json","digest":"aa11","version":1},{"name":"cand<i>","role":"shadow",\
            "kind":"xgboost","location":"candidate.json","digest":"bb22","version":3}],"profile":"constant 500/s",\
            "seed":42,"rerun_of":null,"scenarios":{"scenarios":[{"kind":"shift","features":["x0"],"amount":1.5}]}}
            """
        try db.run("""
            INSERT INTO runs(id, started_at, finished_at, status, config_path, inputs_json, records, rejects, seconds,
                             manifest_json)
            VALUES (1, '2025-03-03T00:00:00.000Z', '2025-03-03T00:00:04.000Z', 'done', '/etc/c.toml',
                    '["/data/traffic.jsonl"]', 12000, 7, 4.0, ?)
            """, .text(manifest))
        try db.run("""
            INSERT INTO runs(id, started_at, status, config_path, inputs_json) VALUES
            (2, '2025-03-04T00:00:00.000Z', 'running', '/etc/c.toml', '["/other.jsonl"]')
            """)
        for (name, role, version) in [("champion", "champion", 1), ("cand<i>", "shadow", 3)] {
            try db.run("INSERT INTO models(run_id, name, role, kind, location, digest, version) VALUES (1, ?, ?, 'xgboost', ?, 'd', ?)",
                       .text(name), .text(role), .text(name + ".json"), .integer(Int64(version)))
        }
        var champion = LatencyRecorder()
        for i in 1...1000 { champion.record(nanos: UInt64(i) * 10_000) }  // 0.01 … 10 ms
        var candidate = LatencyRecorder()
        for i in 1...1000 { candidate.record(nanos: UInt64(i) * 20_000) }
        for (name, r) in [("champion", champion), ("cand<i>", candidate)] {
            try db.run("""
                INSERT INTO latency(run_id, model, count, errors, p50_ms, p90_ms, p99_ms, p999_ms, max_ms, throughput, histogram)
                VALUES (1, ?, 1000, 0, ?, ?, ?, ?, ?, 250.0, ?)
                """, .text(name), .double(r.milliseconds(atPercentile: 50)), .double(r.milliseconds(atPercentile: 90)),
                .double(r.milliseconds(atPercentile: 99)), .double(r.milliseconds(atPercentile: 99.9)),
                .double(r.maxMilliseconds), .text(r.encodedHistogram()))
        }
        for interval in 0..<4 {
            let started = "2025-03-03T00:00:0\(interval).000Z"
            for name in ["champion", "cand<i>"] {
                try db.run("""
                    INSERT INTO timeline(run_id, interval, started_at, seconds, model, requests, errors, p50_ms, p99_ms,
                                         max_ms, histogram)
                    VALUES (1, ?, ?, 1.0, ?, ?, 0, 1.0, 2.0, 3.0, '')
                    """, .integer(Int64(interval)), .text(started), .text(name), .integer(Int64(3000 + interval * 10)))
            }
            // 1% label flips, 3% score deltas except interval 2 (10%): above the noise band.
            try db.run("""
                INSERT INTO timeline_disagreements(run_id, interval, shadow, kind, compared, count) VALUES
                (1, ?, 'cand<i>', 'label_flip', 3000, 30), (1, ?, 'cand<i>', 'score_delta', 3000, ?)
                """, .integer(Int64(interval)), .integer(Int64(interval)), .integer(interval == 2 ? 300 : 90))
        }
        try db.run("""
            INSERT INTO feature_buckets(run_id, shadow, feature, bucket, position, sampled, sample_every, disagreements,
                                        label_flips) VALUES
            (1, 'cand<i>', 'plan', 'pro', 0, 100, 1, 30, 10), (1, 'cand<i>', 'plan', 'free', 1, 900, 1, 10, 5),
            (1, 'cand<i>', 'age', '[0, 40)', 0, 500, 1, 22, 7), (1, 'cand<i>', 'age', '[40, 80)', 1, 500, 1, 18, 8)
            """)
        for window in 0..<5 {
            let end = "2025-03-03T0\(window + 1):00:00.000Z"
            try db.run("""
                INSERT INTO drift(run_id, window, window_start, window_end, signal, feature, statistic, value, threshold,
                                  samples, reference) VALUES
                (1, ?, NULL, ?, 'psi:x0', 'x0', 'psi', ?, 0.2, 1000, 'first_n'),
                (1, ?, NULL, ?, 'ks_pvalue:x0', 'x0', 'ks_pvalue', ?, 0.001, 1000, 'first_n')
                """, .integer(Int64(window)), .text(end), .double(0.05 * Double(window)), .integer(Int64(window)),
                .text(end), .double(window >= 3 ? 1e-6 : 0.4))
        }
        try db.run("""
            INSERT INTO triggers(run_id, rule, level, signal, feature, statistic, value, threshold, window, at, created_at)
            VALUES (1, 'feature-shift', 'alert', 'ks_pvalue:x0', 'x0', 'ks_pvalue', 1e-6, 0.001, 3,
                    '2025-03-03T04:00:00.000Z', '2025-03-03T04:00:01.000Z')
            """)
        try db.run("""
            INSERT INTO backtests(id, backtest, created_at, config_path, strategies_path, inputs_json, records, strategy,
                                  summary, metric_name, metric, rank, retrains, promoted, train_seconds, label_delay,
                                  mean_age, stale, retrains_json)
            VALUES (1, 'bt-1', '2025-03-05T00:00:00Z', 'c', 's', '["/home/u//data/traffic.jsonl"]', 400, 'never',
                    'never retrain', 'accuracy', 0.71, 2, 0, 0, 0, 3600, 9000, 0.5, '[]'),
                   (2, 'bt-1', '2025-03-05T00:00:00Z', 'c', 's', '["/home/u//data/traffic.jsonl"]', 400, 'drift-trigger',
                    'retrain on drift', 'accuracy', 0.83, 1, 1, 1, 0.25, 3600, 4000, 0.1,
                    '[{"index":200,"timeMs":1740990000000,"rows":100,"seconds":0.25,"promoted":true,"servedFrom":201}]')
            """)
        for (id, metrics) in [(1, [0.9, 0.8, 0.6, 0.55]), (2, [0.9, 0.8, 0.85, 0.88])] {
            for (i, m) in metrics.enumerated() {
                try db.run("""
                    INSERT INTO backtest_points(backtest_id, idx, record_time, metric, retrains, age, stale)
                    VALUES (?, ?, ?, ?, 0, 0, 0)
                    """, .integer(Int64(id)), .integer(Int64((i + 1) * 100)),
                    .text("2025-03-03T0\(2 * i):00:00Z"), .double(m))
            }
        }
        return (db, path)
    }
}
