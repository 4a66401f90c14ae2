extension ShadowSchema {
    /// The run's timeline, written by the replay's timeline observer: per interval of replay (wall clock) each model's
    /// requests, errors and latency histogram, and each shadow's disagreements by kind; per-feature value buckets with
    /// record and disagreement counts; and each run's largest disagreements by |delta|. The views under them answer
    /// `shadowctl query timeline|buckets` (documented in README.md, "The database").
    static let version4 = SchemaMigration(version: 4, name: "timeline", sql: tables + views)

    /// The observer's tables: small (one row per model or shadow and kind per interval, one per feature bucket).
    static let tables = """
        CREATE TABLE timeline (
            run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            interval        INTEGER NOT NULL,
            started_at      TEXT NOT NULL,
            seconds         REAL NOT NULL,
            min_record_time TEXT,
            max_record_time TEXT,
            model           TEXT NOT NULL,
            requests        INTEGER NOT NULL,
            errors          INTEGER NOT NULL,
            p50_ms          REAL,
            p99_ms          REAL,
            max_ms          REAL,
            histogram       TEXT NOT NULL,
            PRIMARY KEY (run_id, model, interval)
        );
        CREATE TABLE timeline_disagreements (
            run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            interval INTEGER NOT NULL,
            shadow   TEXT NOT NULL,
            kind     TEXT NOT NULL,
            compared INTEGER NOT NULL,
            count    INTEGER NOT NULL,
            PRIMARY KEY (run_id, shadow, kind, interval)
        );
        CREATE TABLE feature_buckets (
            run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            shadow        TEXT NOT NULL,
            feature       TEXT NOT NULL,
            bucket        TEXT NOT NULL,
            position      INTEGER NOT NULL,
            lower         REAL,
            upper         REAL,
            sampled       INTEGER NOT NULL,
            sample_every  INTEGER NOT NULL,
            disagreements INTEGER NOT NULL,
            label_flips   INTEGER NOT NULL,
            PRIMARY KEY (run_id, shadow, feature, bucket)
        );
        CREATE TABLE top_disagreements (
            run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            shadow          TEXT NOT NULL,
            kind            TEXT NOT NULL,
            magnitude       REAL NOT NULL,
            seq             INTEGER NOT NULL,
            record_id       TEXT NOT NULL,
            record_time     TEXT,
            champion_output TEXT NOT NULL,
            shadow_output   TEXT NOT NULL,
            delta           REAL,
            features        TEXT
        );
        CREATE INDEX top_disagreements_run ON top_disagreements(run_id, shadow, kind, magnitude);

        """

    /// Views over the observer's tables, one per drill-down.
    static let views = """
        CREATE VIEW timeline_models AS
        SELECT t.run_id, t.interval, t.started_at, t.seconds, t.min_record_time, t.max_record_time, t.model,
               m.role, t.requests, t.errors,
               CASE WHEN t.requests > 0 THEN CAST(t.errors AS REAL) / t.requests END AS error_rate,
               t.p50_ms, t.p99_ms, t.max_ms,
               CASE WHEN t.seconds > 0 THEN (t.requests - t.errors) / t.seconds END AS throughput
        FROM timeline t LEFT JOIN models m ON m.run_id = t.run_id AND m.name = t.model;

        CREATE VIEW timeline_rates AS
        WITH counts AS (
            SELECT run_id, interval, shadow, kind, compared, count FROM timeline_disagreements
            UNION ALL
            SELECT run_id, interval, shadow, 'any', max(compared), sum(count) FROM timeline_disagreements
            GROUP BY run_id, interval, shadow
        ), per_run AS (
            SELECT run_id, shadow, kind, CAST(sum(count) AS REAL) / max(sum(compared), 1) AS run_rate
            FROM counts GROUP BY run_id, shadow, kind
        ), replicas AS (
            SELECT c.run_id, c.interval, c.kind, max(CAST(c.count AS REAL) / max(c.compared, 1)) AS replica_rate
            FROM counts c JOIN models m ON m.run_id = c.run_id AND m.name = c.shadow AND m.role = 'replica'
            GROUP BY c.run_id, c.interval, c.kind
        ), spans AS (
            SELECT run_id, interval, min(started_at) AS started_at, max(seconds) AS seconds,
                   min(min_record_time) AS min_record_time, max(max_record_time) AS max_record_time
            FROM timeline GROUP BY run_id, interval
        )
        SELECT c.run_id, c.interval, s.started_at, s.seconds, s.min_record_time, s.max_record_time, c.shadow, m.role,
               c.kind, c.compared, c.count AS disagreements, CAST(c.count AS REAL) / max(c.compared, 1) AS rate,
               r.run_rate, 1.96 * sqrt(r.run_rate * (1 - r.run_rate) / max(c.compared, 1)) AS noise,
               x.replica_rate
        FROM counts c
        JOIN per_run r ON r.run_id = c.run_id AND r.shadow = c.shadow AND r.kind = c.kind
        LEFT JOIN spans s ON s.run_id = c.run_id AND s.interval = c.interval
        LEFT JOIN models m ON m.run_id = c.run_id AND m.name = c.shadow
        LEFT JOIN replicas x ON x.run_id = c.run_id AND x.interval = c.interval AND x.kind = c.kind;

        CREATE VIEW bucket_lift AS
        WITH totals AS (
            SELECT run_id, shadow, feature, sum(sampled) AS sampled, sum(disagreements) AS disagreements,
                   sum(label_flips) AS label_flips
            FROM feature_buckets GROUP BY run_id, shadow, feature
        )
        SELECT b.run_id, b.shadow, b.feature, b.bucket, b.position, b.lower, b.upper,
               b.sampled * b.sample_every AS records,
               CAST(b.sampled AS REAL) / max(t.sampled, 1) AS record_share,
               b.disagreements,
               CAST(b.disagreements AS REAL) / max(t.disagreements, 1) AS disagreement_share,
               CASE WHEN b.sampled > 0 THEN CAST(b.disagreements AS REAL) / (b.sampled * b.sample_every) END
                   AS disagreement_rate,
               CASE WHEN b.sampled > 0 AND t.disagreements > 0 THEN
                   (CAST(b.disagreements AS REAL) / t.disagreements) / (CAST(b.sampled AS REAL) / t.sampled) END AS lift,
               b.label_flips,
               CAST(b.label_flips AS REAL) / max(t.label_flips, 1) AS flip_share,
               CASE WHEN b.sampled > 0 AND t.label_flips > 0 THEN
                   (CAST(b.label_flips AS REAL) / t.label_flips) / (CAST(b.sampled AS REAL) / t.sampled) END AS flip_lift
        FROM feature_buckets b JOIN totals t USING (run_id, shadow, feature);

        CREATE VIEW feature_lift AS
        WITH ranked AS (
            SELECT *, row_number() OVER (PARTITION BY run_id, shadow, feature
                                         ORDER BY lift IS NULL, lift DESC, position) AS lift_rank,
                      row_number() OVER (PARTITION BY run_id, shadow, feature
                                         ORDER BY flip_lift IS NULL, flip_lift DESC, position) AS flip_rank
            FROM bucket_lift WHERE record_share >= 0.01
        ), skew AS (
            SELECT run_id, shadow, feature, 0.5 * sum(abs(disagreement_share - record_share)) AS skew,
                   0.5 * sum(abs(flip_share - record_share)) AS flip_skew,
                   sum(records) AS records, sum(disagreements) AS disagreements, sum(label_flips) AS label_flips
            FROM bucket_lift GROUP BY run_id, shadow, feature
        )
        SELECT s.run_id, s.shadow, s.feature, s.records, s.disagreements, s.label_flips, s.skew, s.flip_skew,
               d.bucket AS top_bucket, d.lift AS top_lift, d.disagreement_share AS top_share,
               d.record_share AS top_record_share,
               f.bucket AS top_flip_bucket, f.flip_lift AS top_flip_lift, f.flip_share AS top_flip_share,
               f.record_share AS top_flip_record_share
        FROM skew s
        LEFT JOIN ranked d ON d.run_id = s.run_id AND d.shadow = s.shadow AND d.feature = s.feature AND d.lift_rank = 1
        LEFT JOIN ranked f ON f.run_id = s.run_id AND f.shadow = s.shadow AND f.feature = s.feature AND f.flip_rank = 1;
        """
}
