/// The keys each config table accepts; anything else is reported as unknown.
enum ConfigKeys {
    static let root = ["models", "compare", "store", "source", "replay", "daemon", "sources"]
    static let model = ["name", "role", "kind", "path", "timeout_ms", "features"]
    static let compare = ["task", "threshold", "abs_tol", "rel_tol"]
    static let store = ["path", "batch_rows", "flush_ms", "store_features"]
    static let source = ["format", "max_line_bytes", "allow_non_finite", "csv_delimiter", "fields"]
    static let fields = ["id", "time", "time_unit", "features", "feature_names", "label", "recorded", "feature"]
    static let replay = ["batch_size", "max_in_flight"]
    static let daemon = ["control_socket", "socket_group", "spool", "poll_ms", "status_interval_ms",
                         "watchdog_test_stall"]
    static let sources = ["path", "follow"]

    /// Every fixed key path (`source.fields.time_unit`; model keys as `models.name`).
    static var allPaths: [String] {
        root.map { $0 } + model.map { "models." + $0 } + compare.map { "compare." + $0 }
            + store.map { "store." + $0 } + source.map { "source." + $0 } + fields.map { "source.fields." + $0 }
            + replay.map { "replay." + $0 } + daemon.map { "daemon." + $0 } + sources.map { "sources." + $0 }
    }
}
