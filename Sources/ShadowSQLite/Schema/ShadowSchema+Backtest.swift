extension ShadowSchema {
    /// Backtests of retraining strategies (`shadowctl backtest`): one row per strategy of a backtest, and its
    /// metric over time (`backtest_points`).
    static let version6 = SchemaMigration(version: 6, name: "backtests", sql: """
        CREATE TABLE backtests (
            id            INTEGER PRIMARY KEY,
            backtest      TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            config_path   TEXT NOT NULL,
            strategies_path TEXT NOT NULL,
            inputs_json   TEXT NOT NULL,
            records       INTEGER NOT NULL,
            strategy      TEXT NOT NULL,
            summary       TEXT NOT NULL,
            metric_name   TEXT NOT NULL,
            metric        REAL,
            rank          INTEGER NOT NULL,
            retrains      INTEGER NOT NULL,
            promoted      INTEGER NOT NULL,
            train_seconds REAL NOT NULL,
            label_delay   REAL NOT NULL,
            mean_age      REAL NOT NULL,
            stale         REAL NOT NULL,
            retrains_json TEXT NOT NULL,
            scenarios_json TEXT,
            UNIQUE (backtest, strategy)
        );
        CREATE TABLE backtest_points (
            backtest_id INTEGER NOT NULL REFERENCES backtests(id) ON DELETE CASCADE,
            idx         INTEGER NOT NULL,
            record_time TEXT,
            metric      REAL,
            retrains    INTEGER NOT NULL,
            age         REAL NOT NULL,
            stale       INTEGER NOT NULL,
            PRIMARY KEY (backtest_id, idx)
        );
        """)
}
