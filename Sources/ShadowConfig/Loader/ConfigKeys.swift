/// The keys each config table accepts; anything else is reported as unknown.
enum ConfigKeys {
    static let root = ["models", "compare", "store", "source", "replay", "daemon", "sources", "drift", "metrics",
                       "promotion", "scenario", "load"]
    static let model = ["name", "role", "kind", "path", "timeout_ms", "features"]
    static let compare = ["task", "threshold", "abs_tol", "rel_tol"]
    static let store = ["path", "batch_rows", "flush_ms", "store_features"]
    static let source = ["format", "max_line_bytes", "allow_non_finite", "csv_delimiter", "fields"]
    static let fields = ["id", "time", "time_unit", "features", "feature_names", "label", "recorded", "recorded_output", "feature"]
    static let replay = ["batch_size", "max_in_flight"]
    static let daemon = ["control_socket", "socket_group", "spool", "poll_ms", "status_interval_ms",
                         "watchdog_test_stall"]
    static let sources = ["path", "follow"]
    static let drift = ["enabled", "window", "step", "window_seconds", "reference", "reference_records", "profile", "statistics",
                        "psi_binning", "psi_bins", "features", "detectors", "rules", "actions"]
    static let driftDetectors = ["error", "disagreement"]
    static let driftRules = ["name", "signal", "any", "all", "warn", "alert", "direction", "min_samples", "consecutive",
                             "cooldown_s", "retrain"]
    static let driftActions = ["on", "kind", "argv", "url", "timeout_ms", "retries"]
    static let metrics = ["listen"]
    static let promotion = ["gate", "min_records"]
    static let load = ["profile", "max_in_flight", "interval_s", "resamples", "recorded", "constant", "ramp", "steps",
                       "poisson", "closed"]

    /// Every fixed key path (`source.fields.time_unit`; model keys as `models.name`). `[[scenario]]` (drift
    /// injection for tests and backtests, see `ConfigLoader.scenarioKeys`) is left out: the production sample omits it.
    static var allPaths: [String] {
        root.filter { $0 != "scenario" } + model.map { "models." + $0 } + compare.map { "compare." + $0 }
            + store.map { "store." + $0 } + source.map { "source." + $0 } + fields.map { "source.fields." + $0 }
            + replay.map { "replay." + $0 } + daemon.map { "daemon." + $0 } + sources.map { "sources." + $0 }
            + drift.map { "drift." + $0 } + driftDetectors.map { "drift.detectors." + $0 }
            + driftRules.map { "drift.rules." + $0 } + driftActions.map { "drift.actions." + $0 }
            + metrics.map { "metrics." + $0 } + promotion.map { "promotion." + $0 }
            + load.map { "load." + $0 }
            + ConfigLoader.loadProfileKeys.flatMap { name, keys in keys.map { "load.\(name).\($0)" } }
    }
}
