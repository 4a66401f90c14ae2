/// The shadowd database schema: every migration, in order. `docs/schema.md` documents the result.
public enum ShadowSchema {
    /// All migrations of the shadowd database.
    public static let migrations: [SchemaMigration] = [version1, version2, version3, version4, version5, version6, version7, version8]

    /// A migrator over `migrations`.
    public static let migrator = SchemaMigrator(migrations: migrations)

    /// The schema version this build writes.
    public static var latestVersion: Int { migrator.latestVersion }

    /// Runs, results, models, disagreements, latency and rejects.
    static let version1 = SchemaMigration(version: 1, name: "initial", sql: """
        CREATE TABLE schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        CREATE TABLE runs (
            id           INTEGER PRIMARY KEY,
            started_at   TEXT NOT NULL,
            finished_at  TEXT,
            status       TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
            config_path  TEXT NOT NULL,
            inputs_json  TEXT NOT NULL,
            records      INTEGER,
            rejects      INTEGER,
            seconds      REAL,
            summary_json TEXT
        );
        CREATE TABLE models (
            id       INTEGER PRIMARY KEY,
            run_id   INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            name     TEXT NOT NULL,
            role     TEXT NOT NULL CHECK (role IN ('champion', 'shadow', 'replica')),
            kind     TEXT NOT NULL,
            location TEXT NOT NULL,
            digest   TEXT NOT NULL,
            UNIQUE (run_id, name)
        );
        CREATE TABLE disagreements (
            id              INTEGER PRIMARY KEY,
            run_id          INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            record_id       TEXT NOT NULL,
            record_time     TEXT,
            shadow          TEXT NOT NULL,
            kind            TEXT NOT NULL,
            champion_output TEXT NOT NULL,
            shadow_output   TEXT NOT NULL,
            delta           REAL,
            features        TEXT
        );
        CREATE INDEX disagreements_run_shadow_kind ON disagreements(run_id, shadow, kind);
        CREATE TABLE latency (
            run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            model      TEXT NOT NULL,
            count      INTEGER NOT NULL,
            errors     INTEGER NOT NULL,
            p50_ms     REAL NOT NULL,
            p90_ms     REAL NOT NULL,
            p99_ms     REAL NOT NULL,
            p999_ms    REAL NOT NULL,
            max_ms     REAL NOT NULL,
            throughput REAL NOT NULL,
            histogram  TEXT NOT NULL,
            PRIMARY KEY (run_id, model)
        );
        CREATE TABLE rejects (
            id          INTEGER PRIMARY KEY,
            run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            file        TEXT NOT NULL,
            line        INTEGER NOT NULL,
            byte_offset INTEGER NOT NULL,
            code        TEXT NOT NULL,
            reason      TEXT NOT NULL
        );
        CREATE INDEX rejects_run ON rejects(run_id);
        """)

    /// Source checkpoints: where each followed file, spool file or resumable replay stands, committed with its rows.
    static let version2 = SchemaMigration(version: 2, name: "checkpoints", sql: """
        CREATE TABLE checkpoints (
            source      TEXT PRIMARY KEY,
            run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            path        TEXT NOT NULL,
            device      INTEGER NOT NULL,
            inode       INTEGER NOT NULL,
            byte_offset INTEGER NOT NULL,
            line        INTEGER NOT NULL,
            records     INTEGER NOT NULL,
            rejects     INTEGER NOT NULL,
            updated_at  TEXT NOT NULL
        );
        """)

    /// Drift monitoring: statistic values per window, fired triggers with their action results, and the
    /// monitor's persisted state (detectors, policy, windows, reference) per run.
    static let version3 = SchemaMigration(version: 3, name: "drift", sql: """
        CREATE TABLE drift (
            id           INTEGER PRIMARY KEY,
            run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            window       INTEGER NOT NULL,
            window_start TEXT,
            window_end   TEXT,
            signal       TEXT NOT NULL,
            feature      TEXT,
            statistic    TEXT NOT NULL,
            value        REAL,
            threshold    REAL,
            samples      INTEGER NOT NULL,
            reference    TEXT NOT NULL
        );
        CREATE INDEX drift_run_window ON drift(run_id, window);
        CREATE TABLE triggers (
            id          INTEGER PRIMARY KEY,
            run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            rule        TEXT NOT NULL,
            level       TEXT NOT NULL CHECK (level IN ('warn', 'alert', 'retrain')),
            signal      TEXT,
            feature     TEXT,
            statistic   TEXT,
            value       REAL,
            threshold   REAL,
            window      INTEGER NOT NULL,
            at          TEXT,
            created_at  TEXT NOT NULL,
            hook_exit   INTEGER,
            actions_json TEXT,
            UNIQUE (run_id, rule, window, level)
        );
        CREATE TABLE monitor_state (
            run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            part       TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state      TEXT NOT NULL,
            PRIMARY KEY (run_id, part)
        );
        """)
}
