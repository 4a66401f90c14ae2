extension ShadowSchema {
    /// Paced replays (`[load]` profiles): the latency rows gain the profile, offered and achieved rates, the
    /// scheduler's lag, in-flight cap hits, timeouts and the service time from the actual send (the existing
    /// percentile columns then hold the latency from the intended instant); `latency_verdicts` keeps the
    /// champion-vs-shadow latency ratios with their bootstrap intervals.
    static let version7 = SchemaMigration(version: 7, name: "load", sql: """
        ALTER TABLE latency ADD COLUMN profile TEXT;
        ALTER TABLE latency ADD COLUMN offered_rate REAL;
        ALTER TABLE latency ADD COLUMN achieved_rate REAL;
        ALTER TABLE latency ADD COLUMN lag_p50_ms REAL;
        ALTER TABLE latency ADD COLUMN lag_p99_ms REAL;
        ALTER TABLE latency ADD COLUMN lag_max_ms REAL;
        ALTER TABLE latency ADD COLUMN cap_hits INTEGER;
        ALTER TABLE latency ADD COLUMN timeouts INTEGER;
        ALTER TABLE latency ADD COLUMN service_p50_ms REAL;
        ALTER TABLE latency ADD COLUMN service_p90_ms REAL;
        ALTER TABLE latency ADD COLUMN service_p99_ms REAL;
        ALTER TABLE latency ADD COLUMN service_p999_ms REAL;
        ALTER TABLE latency ADD COLUMN service_max_ms REAL;
        ALTER TABLE latency ADD COLUMN service_histogram TEXT;
        CREATE TABLE latency_verdicts (
            run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            shadow     TEXT NOT NULL,
            champion   TEXT NOT NULL,
            percentile REAL NOT NULL,
            ratio      REAL NOT NULL,
            ci_low     REAL,
            ci_high    REAL,
            intervals  INTEGER NOT NULL,
            verdict    TEXT NOT NULL CHECK (verdict IN ('slower', 'faster', 'same')),
            PRIMARY KEY (run_id, shadow, percentile)
        );
        """)
}
