/// A metric's name, help text and type: every metric shadowd exposes is declared once, in `MetricInfo`'s
/// static members, named `shadowd_<noun>_<unit>[_total]`.
public struct MetricInfo: Sendable, Equatable {
    /// The family name.
    public let name: String
    /// One line of help text.
    public let help: String
    /// The Prometheus type.
    public let kind: MetricFamily.Kind

    /// Declares a metric.
    public init(_ name: String, _ kind: MetricFamily.Kind, _ help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }

    /// `shadowd_build_info{version,swift}`: always 1; the labels say which build runs.
    public static let buildInfo = MetricInfo("shadowd_build_info", .gauge,
        "Always 1; the labels name the shadowd version and the Swift compiler that built it.")
    /// `shadowd_start_time_seconds`: when the daemon started.
    public static let startTime = MetricInfo("shadowd_start_time_seconds", .gauge,
        "When the daemon started, in seconds since the Unix epoch.")
    /// `shadowd_records_total`: records replayed and committed.
    public static let records = MetricInfo("shadowd_records_total", .counter,
        "Records replayed and committed to the store, over every run.")
    /// `shadowd_rejects_total{code}`: lines that could not become records.
    public static let rejects = MetricInfo("shadowd_rejects_total", .counter,
        "Traffic lines rejected (written to the rejects table), by reason code.")
    /// `shadowd_requests_total{model}`: requests each model answered or failed.
    public static let requests = MetricInfo("shadowd_requests_total", .counter,
        "Requests sent to each model (answered or failed).")
    /// `shadowd_request_errors_total{model,code}`: requests a model failed.
    public static let requestErrors = MetricInfo("shadowd_request_errors_total", .counter,
        "Requests a model failed, by error code.")
    /// `shadowd_request_latency_seconds{model}`: each request's latency.
    public static let requestLatency = MetricInfo("shadowd_request_latency_seconds", .histogram,
        "Latency of each model request (from the intended instant when a load profile sets one).")
    /// `shadowd_disagreements_total{shadow,kind}`: disagreements found.
    public static let disagreements = MetricInfo("shadowd_disagreements_total", .counter,
        "Records on which a shadow disagreed with the champion, by shadow and kind.")
    /// `shadowd_last_record_timestamp_seconds`: record time of the newest replayed record.
    public static let lastRecordTime = MetricInfo("shadowd_last_record_timestamp_seconds", .gauge,
        "Record time of the newest committed record that carried one, in seconds since the Unix epoch.")
    /// `shadowd_replay_lag_seconds`: how far the replay is behind the traffic it reads.
    public static let replayLag = MetricInfo("shadowd_replay_lag_seconds", .gauge,
        "Now minus the record time of the newest committed record (how far a followed log's replay is behind).")
    /// `shadowd_drift_value{signal,feature,statistic}`: the latest drift statistics.
    public static let driftValue = MetricInfo("shadowd_drift_value", .gauge,
        "Latest evaluated value of each drift signal (the drift table's newest row per signal).")
    /// `shadowd_triggers_total{level}`: rules that fired.
    public static let triggers = MetricInfo("shadowd_triggers_total", .counter,
        "Drift rules that fired (rows of the triggers table), by level.")
    /// `shadowd_jobs{state}`: the daemon's jobs.
    public static let jobs = MetricInfo("shadowd_jobs", .gauge,
        "The daemon's jobs (followed sources, spool files, submitted replays) by state.")
}
