import Testing
@testable import ShadowSQLite

/// The drill-down queries over a small database shaped like an observed replay: run 1 with 3 intervals of 10
/// records each, shadow `cand` disagreeing on every record (even records label flips, odd ones score deltas).
@Suite struct QueryDrillDownTests {
    static func database(_ dir: TemporaryDirectory, top: Int = 5) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase.openShadowStore(path: dir.path("q.db"))
        try db.execute("""
            INSERT INTO runs(id, started_at, status, config_path, inputs_json) VALUES (1, '2025-03-03T00:00:00.000Z',
                'done', 'c', '[]');
            INSERT INTO models(run_id, name, role, kind, location, digest) VALUES (1, 'champ', 'champion', 'x', '', ''),
                (1, 'cand', 'shadow', 'x', '', '');
            """)
        for i in 0..<30 {
            let kind = i % 2 == 0 ? "label_flip" : "score_delta"
            let time = "2025-03-03T00:00:\(i < 10 ? "0" : "")\(i).000Z"
            try db.run("""
                INSERT INTO disagreements(run_id, record_id, record_time, shadow, kind, champion_output, shadow_output,
                                          delta, features)
                VALUES (1, ?, ?, 'cand', ?, '0.5', '0.6', ?, ?)
                """, .text("r-\(i)"), .text(time), .text(kind), .double(Double((i * 7) % 30) / 100),
                .text("{\"plan\":\"\(i % 3 == 0 ? "pro" : "free")\"}"))
        }
        for interval in 0..<3 {
            let low = "2025-03-03T00:00:\(interval)0.000Z", high = "2025-03-03T00:00:\(interval)9.000Z"
            for (model, errors) in [("champ", 0), ("cand", interval)] {
                try db.run("""
                    INSERT INTO timeline VALUES (1, ?, ?, 0.5, ?, ?, ?, 10, ?, 0.02, 0.05, 0.08, 'HISFAAAA')
                    """, .integer(Int64(interval)), .text("2025-03-03T01:00:0\(interval).000Z"), .text(low),
                    .text(high), .text(model), .integer(Int64(errors)))
            }
            for kind in ["label_flip", "score_delta", "shadow_error"] {
                try db.run("INSERT INTO timeline_disagreements VALUES (1, ?, 'cand', ?, 40, ?)", .integer(Int64(interval)),
                           .text(kind), .integer(kind == "shadow_error" ? 0 : 5))
            }
        }
        try db.execute("""
            INSERT INTO top_disagreements(run_id, shadow, kind, magnitude, seq, record_id, record_time, champion_output,
                                          shadow_output, delta, features)
            SELECT run_id, shadow, kind, delta, id - 1, record_id, record_time, champion_output, shadow_output, delta,
                   features
            FROM (SELECT *, row_number() OVER (PARTITION BY kind ORDER BY delta DESC, id) AS rank FROM disagreements)
            WHERE rank <= \(top);
            INSERT INTO feature_buckets VALUES
                (1, 'cand', 'plan', 'missing', 0, NULL, NULL, 0, 2, 0, 0),
                (1, 'cand', 'plan', 'other', 1, NULL, NULL, 0, 2, 0, 0),
                (1, 'cand', 'plan', 'pro', 2, NULL, NULL, 5, 2, 20, 9),
                (1, 'cand', 'plan', 'free', 3, NULL, NULL, 10, 2, 10, 6),
                (1, 'cand', 'age', 'missing', 0, NULL, NULL, 3, 2, 3, 0),
                (1, 'cand', 'age', '(-inf, 40)', 1, NULL, 40, 6, 2, 12, 5),
                (1, 'cand', 'age', '[40, inf)', 2, 40, NULL, 6, 2, 15, 10);
            """)
        return db
    }

    static func text(_ table: QueryTable) -> [String] {
        [table.columns.joined(separator: "|")] + table.rows.map { row in
            row.map { value -> String in
                switch value {
                case .integer(let i): return String(i)
                case .double(let d): return "\(d)"
                case .text(let t): return t
                case .null: return ""
                case .blob: return "blob"
                }
            }.joined(separator: "|")
        }
    }

    @Test func timelineRatesWithTheNoiseBand() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.database(dir)
        let table = try TimelineQuery(run: 1, subject: .shadows, rounded: true).run(on: db)
        #expect(Self.text(table) == [
            "run|interval|started_at|seconds|shadow|kind|compared|disagreements|rate|floor_low|floor_high|outside|replica_rate",
            "1|0|2025-03-03T01:00:00.000Z|0.5|cand|any|40|10|0.25|0.1158|0.3842||",
            "1|1|2025-03-03T01:00:01.000Z|0.5|cand|any|40|10|0.25|0.1158|0.3842||",
            "1|2|2025-03-03T01:00:02.000Z|0.5|cand|any|40|10|0.25|0.1158|0.3842||",
        ])
        let flips = try TimelineQuery(run: 1, subject: .shadows, kind: "label_flip", limit: 1, rounded: true).run(on: db)
        #expect(Self.text(flips).last == "1|0|2025-03-03T01:00:00.000Z|0.5|cand|label_flip|40|5|0.125|0.0225|0.2275||")
    }

    @Test func timelineModels() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.database(dir)
        let table = try TimelineQuery(run: 1, subject: .models, name: "cand", rounded: true).run(on: db)
        #expect(Self.text(table) == [
            "run|interval|started_at|seconds|model|role|requests|errors|p50_ms|p99_ms|max_ms|throughput",
            "1|0|2025-03-03T01:00:00.000Z|0.5|cand|shadow|10|0|0.02|0.05|0.08|20.0",
            "1|1|2025-03-03T01:00:01.000Z|0.5|cand|shadow|10|1|0.02|0.05|0.08|18.0",
            "1|2|2025-03-03T01:00:02.000Z|0.5|cand|shadow|10|2|0.02|0.05|0.08|16.0",
        ])
    }

    @Test func bucketsBySharesAndLift() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.database(dir)
        let flips = try BucketQuery(run: 1, feature: "plan", labelFlips: true, rounded: true).run(on: db)
        #expect(Self.text(flips) == [
            "run|shadow|feature|bucket|records|record_share|label_flips|share|rate|lift",
            "1|cand|plan|pro|10|0.3333|9|0.6|0.9|1.8",
            "1|cand|plan|free|20|0.6667|6|0.4|0.3|0.6",
        ])
        let features = try BucketQuery(run: 1, labelFlips: true, perFeature: true, rounded: true).run(on: db)
        #expect(Self.text(features) == [
            "run|shadow|feature|records|label_flips|skew|top_bucket|share|record_share|lift|finding",
            "1|cand|age|30|15|0.2667|[40, inf)|0.6667|0.4|1.667|67% of label flips have age in [40, inf) (40% of records)",
            "1|cand|plan|30|15|0.2667|pro|0.6|0.3333|1.8|60% of label flips have plan = pro (33% of records)",
        ])
    }

    func ids(_ query: DisagreementQuery, _ db: SQLiteDatabase) throws -> ([String], DisagreementQuery.Path) {
        let (table, path) = try query.run(on: db)
        let column = table.columns.firstIndex(of: "record_id")!
        return (table.rows.map { $0[column].stringValue ?? "" }, path)
    }

    @Test func orderDeltaFromTheTopTableWhenExact() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.database(dir)
        let columns = "id, run_id AS run, record_id, record_time, shadow, kind, delta"
        let query = DisagreementQuery(run: 1, shadow: "cand", kind: "label_flip", since: nil, order: .delta, limit: 3,
                                      columns: columns)
        let planned = try ids(query, db)
        var scan = query
        scan.run = nil   // the plain query (no run: no plan)
        let plain = try ids(scan, db)
        #expect(planned.1 == .top)
        #expect(plain.1 == .scan)
        #expect(planned.0 == plain.0)
        #expect(planned.0 == ["r-4", "r-8", "r-12"])   // deltas 0.28, 0.26, 0.24
        // Five kept, five asked: the fifth is the kept floor itself, so the planner scans.
        var five = query
        five.limit = 5
        #expect(try ids(five, db).1 == .scan)
        // A filter the kept rows cannot fill also scans, with the same answer.
        var filtered = query
        filtered.conditions = [("json_extract(features, '$.plan') = ?", [.text("pro")])]
        let found = try ids(filtered, db)
        #expect(found.1 == .scan)
        filtered.run = nil
        #expect(found.0 == (try ids(filtered, db)).0)
    }

    @Test func sinceSkipsTheLeadingIntervals() throws {
        let dir = try TemporaryDirectory()
        let db = try Self.database(dir)
        for order in DisagreementQuery.Order.allCases {
            for (shadow, kind) in [("cand", "label_flip"), (nil, nil), ("cand", nil)] as [(String?, String?)] {
                let query = DisagreementQuery(run: 1, shadow: shadow, kind: kind, since: "2025-03-03T00:00:15.000Z",
                                              order: order, limit: 4, columns: "id, record_id")
                let planned = try ids(query, db)
                var plain = query
                plain.run = nil
                #expect(planned.1 == (order == .delta ? .top : .tail) || planned.1 == .tail)
                #expect(planned.0 == (try ids(plain, db)).0, "order \(order), shadow \(shadow ?? "-"), kind \(kind ?? "-")")
            }
        }
        let (sql, _, path) = try DisagreementQuery(run: 1, shadow: "cand", kind: "label_flip",
                                                   since: "2025-03-03T00:00:15.000Z", order: .id, limit: 4,
                                                   columns: "id").plan(on: db)
        #expect(path == .tail)
        #expect(sql.contains("OFFSET"))
        // A bound after every record: nothing to skip to, the plain query answers (with no rows).
        let late = DisagreementQuery(run: 1, shadow: nil, kind: nil, since: "2025-03-04T00:00:00.000Z", order: .id,
                                     limit: 4, columns: "id, record_id")
        let none = try ids(late, db)
        #expect(none.1 == .scan && none.0.isEmpty)
    }
}
