extension ShadowSchema {
    /// Model versions (each file or endpoint seen, by digest), the champion alias history (promote/rollback with
    /// who, when, why and the gate's verdict), and each run's manifest (what `replay --rerun` needs).
    static let version5 = SchemaMigration(version: 5, name: "versions", sql: """
        CREATE TABLE model_versions (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            version    INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            location   TEXT NOT NULL,
            digest     TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            first_run  INTEGER REFERENCES runs(id) ON DELETE SET NULL,
            UNIQUE (name, digest),
            UNIQUE (name, version)
        );
        CREATE TABLE alias_history (
            id          INTEGER PRIMARY KEY,
            alias       TEXT NOT NULL,
            model       TEXT NOT NULL,
            version     INTEGER,
            digest      TEXT,
            previous    TEXT,
            action      TEXT NOT NULL CHECK (action IN ('initial', 'promote', 'rollback')),
            undoes      INTEGER REFERENCES alias_history(id),
            actor       TEXT NOT NULL,
            at          TEXT NOT NULL,
            reason      TEXT,
            gate_json   TEXT,
            forced      INTEGER NOT NULL DEFAULT 0,
            config_path TEXT
        );
        ALTER TABLE runs ADD COLUMN manifest_json TEXT;
        ALTER TABLE models ADD COLUMN version INTEGER;
        """)
}
