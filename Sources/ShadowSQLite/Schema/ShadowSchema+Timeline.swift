extension ShadowSchema {
    /// The run's timeline: per interval of replay (wall clock) each model's requests, errors and latency histogram,
    /// and each shadow's disagreements by kind; plus per-feature value buckets with record and disagreement counts
    /// (the drill-down "70 % of label flips have plan = pro" reads these).
    static let version4 = SchemaMigration(version: 4, name: "timeline", sql: """
        CREATE TABLE timeline (
            run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            interval     INTEGER NOT NULL,
            started_at   TEXT NOT NULL,
            seconds      REAL NOT NULL,
            first_record_time TEXT,
            last_record_time  TEXT,
            model        TEXT NOT NULL,
            requests     INTEGER NOT NULL,
            errors       INTEGER NOT NULL,
            p50_ms       REAL,
            p99_ms       REAL,
            max_ms       REAL,
            histogram    TEXT NOT NULL,
            PRIMARY KEY (run_id, model, interval)
        );
        CREATE TABLE timeline_disagreements (
            run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            interval INTEGER NOT NULL,
            shadow   TEXT NOT NULL,
            kind     TEXT NOT NULL,
            count    INTEGER NOT NULL,
            PRIMARY KEY (run_id, shadow, kind, interval)
        );
        CREATE TABLE feature_buckets (
            run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            shadow        TEXT NOT NULL,
            feature       TEXT NOT NULL,
            bucket        TEXT NOT NULL,
            records       INTEGER NOT NULL,
            disagreements INTEGER NOT NULL,
            label_flips   INTEGER NOT NULL,
            PRIMARY KEY (run_id, shadow, feature, bucket)
        );
        """)
}
