/// Everything a replay is configured with; `ShadowConfig` fills it from TOML, tests build it directly.
public struct ShadowSettings: Sendable, Equatable {
    public var models: [ModelSettings]
    public var compare: CompareSettings
    public var store: StoreSettings
    public var source: SourceSettings
    public var replay: ReplaySettings
    public var daemon: DaemonSettings
    public var sources: [TrafficSourceSettings]
    /// `[drift]`: drift monitoring and triggers (off by default).
    public var drift: DriftSettings
    /// `[metrics]`: the Prometheus endpoint (off by default).
    public var metrics: MetricsSettings
    /// `[promotion]`: the gate `shadowctl models promote` checks.
    public var promotion: PromotionSettings
    /// `[[scenario]]`: drift injected into records during replays and backtests (none by default).
    public var scenarios: ScenarioSettings

    public init(models: [ModelSettings], compare: CompareSettings = .init(), store: StoreSettings = .init(),
                source: SourceSettings = .init(), replay: ReplaySettings = .init(), daemon: DaemonSettings = .init(),
                sources: [TrafficSourceSettings] = [], drift: DriftSettings = .init(),
                metrics: MetricsSettings = .init(), promotion: PromotionSettings = .init(),
                scenarios: ScenarioSettings = .init()) {
        self.models = models
        self.compare = compare
        self.store = store
        self.source = source
        self.replay = replay
        self.daemon = daemon
        self.sources = sources
        self.drift = drift
        self.metrics = metrics
        self.promotion = promotion
        self.scenarios = scenarios
    }

    /// The one model whose role is `champion`.
    public var champion: ModelSettings? { models.first { $0.role == .champion } }
}

/// One `[[models]]` entry.
public struct ModelSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case xgboost, lightgbm, linear, http, process }

    public var name: String
    public var role: ModelRole
    public var kind: Kind
    /// Model file for embedded kinds, resolved against the config file's folder.
    public var path: String?
    /// Per-record timeout in milliseconds.
    public var timeoutMs: Int
    /// Input order for kinds whose file does not name its features.
    public var features: [String]?
    /// Endpoint, protocol and pool of a `kind = "http"` model (nil for other kinds).
    public var http: HTTPModelSettings?
    /// Command line, environment and pipelining depth of a `kind = "process"` model (nil for other kinds).
    public var process: ProcessModelSettings?

    public init(name: String, role: ModelRole, kind: Kind, path: String? = nil, timeoutMs: Int = 1000,
                features: [String]? = nil, http: HTTPModelSettings? = nil, process: ProcessModelSettings? = nil) {
        self.name = name
        self.role = role
        self.kind = kind
        self.path = path
        self.timeoutMs = timeoutMs
        self.features = features
        self.http = http
        self.process = process
    }
}

/// `[compare]`: what counts as a disagreement.
public struct CompareSettings: Sendable, Equatable {
    public enum Task: String, Sendable, CaseIterable { case binary, multiclass, regression }

    public var task: Task
    /// Binary decision threshold on the positive-class probability.
    public var threshold: Double
    /// A score delta counts when |shadow − champion| > absTolerance + relTolerance × |champion|.
    public var absTolerance: Double
    public var relTolerance: Double

    public init(task: Task = .binary, threshold: Double = 0.5, absTolerance: Double = 0.01,
                relTolerance: Double = 0) {
        self.task = task
        self.threshold = threshold
        self.absTolerance = absTolerance
        self.relTolerance = relTolerance
    }
}

/// `[store]`: the SQLite database and how it is written.
public struct StoreSettings: Sendable, Equatable {
    public var path: String
    /// Rows per write transaction at most.
    public var batchRows: Int
    /// Longest time a row waits before its transaction commits, in milliseconds.
    public var flushIntervalMs: Int
    /// Whether disagreement rows carry the record's features as JSON.
    public var storeFeatures: Bool

    public init(path: String = "/var/lib/shadowd/shadowd.db", batchRows: Int = 5000, flushIntervalMs: Int = 250,
                storeFeatures: Bool = true) {
        self.path = path
        self.batchRows = batchRows
        self.flushIntervalMs = flushIntervalMs
        self.storeFeatures = storeFeatures
    }
}

/// `[source]`: how traffic files are read.
public struct SourceSettings: Sendable, Equatable {
    /// The traffic file format: `auto` picks by extension and first line; `gor` is a GoReplay capture,
    /// `kserve-log`/`seldon-log` are payload-logger CloudEvents (see README "Other traffic formats").
    public enum Format: String, Sendable, CaseIterable {
        case auto, jsonl, csv, gor
        case kserveLog = "kserve-log"
        case seldonLog = "seldon-log"
    }

    public var format: Format
    public var fields: FieldMapping
    /// Lines longer than this are rejected (`line_too_long`) without being buffered whole.
    public var maxLineBytes: Int
    /// Whether NaN/Infinity feature values are accepted (as missing) instead of rejected.
    public var allowNonFinite: Bool
    /// CSV field separator.
    public var csvDelimiter: UInt8

    public init(format: Format = .auto, fields: FieldMapping = .init(), maxLineBytes: Int = 1 << 20,
                allowNonFinite: Bool = false, csvDelimiter: UInt8 = UInt8(ascii: ",")) {
        self.format = format
        self.fields = fields
        self.maxLineBytes = maxLineBytes
        self.allowNonFinite = allowNonFinite
        self.csvDelimiter = csvDelimiter
    }
}

/// `[source.fields]`: JSON pointers (RFC 6901) locating each part of a record in a log line.
/// For CSV the pointers name columns as `/column`.
public struct FieldMapping: Sendable, Equatable {
    /// How the time field is read.
    public enum TimeUnit: String, Sendable, CaseIterable {
        /// ISO-8601 strings, or numbers as epoch milliseconds.
        case auto
        case iso8601, s, ms, us, ns
    }

    public var id: String
    /// Pointer to the record time; nil means try `/timestamp` (ISO-8601) then `/epoch_ms`.
    public var time: String?
    public var timeUnit: TimeUnit
    /// Pointer to the features: an object of name → value, or an array read with `featureNames`.
    public var features: String
    /// Names for a features array, in array order.
    public var featureNames: [String]?
    /// Extra single features: name → pointer anywhere in the line (these win over `features`).
    public var feature: [String: String]
    public var label: String
    public var recorded: String
    /// Pointer inside the recorded answer to the number(s) to compare (e.g. `/p1`); nil reads the answer whole.
    public var recordedOutput: String?

    public init(id: String = "/id", time: String? = nil, timeUnit: TimeUnit = .auto, features: String = "/features",
                featureNames: [String]? = nil, feature: [String: String] = [:], label: String = "/label",
                recorded: String = "/recorded", recordedOutput: String? = nil) {
        self.id = id
        self.time = time
        self.timeUnit = timeUnit
        self.features = features
        self.featureNames = featureNames
        self.feature = feature
        self.label = label
        self.recorded = recorded
        self.recordedOutput = recordedOutput
    }
}

/// `[replay]`: how the pipeline runs.
public struct ReplaySettings: Sendable, Equatable {
    /// Records per batch handed from the reader to the models.
    public var batchSize: Int
    /// Batches in flight at once (bounds memory and concurrency).
    public var maxInFlight: Int

    public init(batchSize: Int = 512, maxInFlight: Int = 4) {
        self.batchSize = batchSize
        self.maxInFlight = maxInFlight
    }
}
