/// Where a replay's results go. The SQLite store is the real one; `MemoryReplayStore` is its twin for tests.
///
/// Calls are made from the pipeline and must not block on disk: implementations queue and write elsewhere.
public protocol ReplayStore: Sendable {
    /// Registers a run and its models; returns the run id.
    func beginRun(_ run: RunInfo) throws -> Int64
    /// Queues one batch's disagreements and rejects, and the source position after it: the rows and the
    /// checkpoint become durable together, or not at all.
    func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject], checkpoint: SourceCheckpoint?) throws
    /// The last committed checkpoint of a source, if it has one.
    func checkpoint(for source: String) throws -> SourceCheckpoint?
    /// Writes the per-model latency rows and the run's totals, then waits until everything queued is on disk.
    func finishRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws
    /// Like `finishRun`, but marks the run failed: what was read before the failure stays, with its totals.
    func failRun(_ run: Int64, summary: RunSummary, latency: [LatencyRow]) throws
}

extension ReplayStore {
    /// Queues one batch's rows for a replay that keeps no checkpoint.
    public func append(run: Int64, disagreements: [DisagreementRow], rejects: [Reject]) throws {
        try append(run: run, disagreements: disagreements, rejects: rejects, checkpoint: nil)
    }
}

/// What is known about a run when it starts.
public struct RunInfo: Sendable, Equatable {
    public var startedAtMs: Double
    public var configPath: String
    public var inputs: [String]
    public var models: [ModelInfo]
    /// What a rerun needs; nil lets the store take it from the config file and inputs as they are now.
    public var manifest: RunManifest?

    public init(startedAtMs: Double, configPath: String, inputs: [String], models: [ModelInfo],
                manifest: RunManifest? = nil) {
        self.startedAtMs = startedAtMs
        self.configPath = configPath
        self.inputs = inputs
        self.models = models
        self.manifest = manifest
    }
}

/// One model of a run, as the `models` table records it.
public struct ModelInfo: Sendable, Equatable {
    public var name: String
    public var role: ModelRole
    public var kind: String
    public var location: String
    public var digest: String

    public init(name: String, role: ModelRole, kind: String, location: String, digest: String) {
        self.name = name
        self.role = role
        self.kind = kind
        self.location = location
        self.digest = digest
    }
}

/// One row of the `disagreements` table.
public struct DisagreementRow: Sendable, Equatable {
    public var recordID: String
    public var recordTimeMs: Double?
    public var shadow: String
    public var kind: DisagreementKind
    /// Champion and shadow outputs as JSON (a number, an array of probabilities, or an error object); on the replay
    /// path they share one buffer per batch, so a row costs no allocation of its own.
    public var championText: JSONText
    public var shadowText: JSONText
    public var delta: Double?
    /// The record's features as a JSON object (shared with the batch text on the replay path).
    public var features: JSONText?
    /// What production answered for the record (its recorded JSON), when the log carries it.
    public var recorded: JSONText?

    /// The row with its texts in storage of their own (a row kept long must not pin its batch's bytes).
    public var compacted: DisagreementRow {
        var row = self
        row.championText = championText.compacted
        row.shadowText = shadowText.compacted
        row.features = features?.compacted
        row.recorded = recorded?.compacted
        return row
    }

    /// The champion's output as a String.
    public var championOutput: String {
        get { championText.string }
        set { championText = JSONText(newValue) }
    }

    /// The shadow's output as a String.
    public var shadowOutput: String {
        get { shadowText.string }
        set { shadowText = JSONText(newValue) }
    }

    /// The features as a String.
    public var featuresJSON: String? {
        get { features?.string }
        set { features = newValue.map(JSONText.init) }
    }

    /// The recorded production answer as a String.
    public var recordedJSON: String? {
        get { recorded?.string }
        set { recorded = newValue.map(JSONText.init) }
    }

    public init(recordID: String, recordTimeMs: Double?, shadow: String, kind: DisagreementKind,
                championOutput: String, shadowOutput: String, delta: Double?, featuresJSON: String?,
                recordedJSON: String? = nil) {
        self.init(recordID: recordID, recordTimeMs: recordTimeMs, shadow: shadow, kind: kind,
                  championOutput: championOutput, shadowOutput: shadowOutput, delta: delta,
                  features: featuresJSON.map(JSONText.init), recorded: recordedJSON.map(JSONText.init))
    }

    /// A row whose features and recorded answer are kept as JSON text (e.g. ranges of a batch's bytes).
    public init(recordID: String, recordTimeMs: Double?, shadow: String, kind: DisagreementKind,
                championOutput: String, shadowOutput: String, delta: Double?, features: JSONText?,
                recorded: JSONText?) {
        self.init(recordID: recordID, recordTimeMs: recordTimeMs, shadow: shadow, kind: kind,
                  championText: JSONText(championOutput), shadowText: JSONText(shadowOutput), delta: delta,
                  features: features, recorded: recorded)
    }

    /// A row whose every JSON value is kept as JSON text (the replay path: ranges of buffers shared per batch).
    public init(recordID: String, recordTimeMs: Double?, shadow: String, kind: DisagreementKind,
                championText: JSONText, shadowText: JSONText, delta: Double?, features: JSONText?,
                recorded: JSONText?) {
        self.recordID = recordID
        self.recordTimeMs = recordTimeMs
        self.shadow = shadow
        self.kind = kind
        self.championText = championText
        self.shadowText = shadowText
        self.delta = delta
        self.features = features
        self.recorded = recorded
    }
}

/// One row of the `latency` table: a model's latency distribution over a run.
public struct LatencyRow: Sendable, Equatable {
    public var model: String
    public var count: Int
    public var errors: Int
    public var p50Ms: Double
    public var p90Ms: Double
    public var p99Ms: Double
    public var p999Ms: Double
    public var maxMs: Double
    public var throughput: Double
    /// The HDR histogram in its standard compressed, base64 encoding.
    public var histogram: String

    public init(model: String, count: Int, errors: Int, p50Ms: Double, p90Ms: Double, p99Ms: Double,
                p999Ms: Double, maxMs: Double, throughput: Double, histogram: String) {
        self.model = model
        self.count = count
        self.errors = errors
        self.p50Ms = p50Ms
        self.p90Ms = p90Ms
        self.p99Ms = p99Ms
        self.p999Ms = p999Ms
        self.maxMs = maxMs
        self.throughput = throughput
        self.histogram = histogram
    }
}
