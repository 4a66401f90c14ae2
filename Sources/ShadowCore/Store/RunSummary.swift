/// The totals of a finished (or interrupted) run, printed by `shadowctl` and stored in `runs.summary_json`.
public struct RunSummary: Sendable, Equatable, Codable {
    public var run: Int64
    public var records: Int
    public var rejects: Int
    public var seconds: Double
    public var models: [ModelSummary]
    public var shadows: [ShadowSummary]
    /// Each model compared with the answers production recorded in the log (empty when the log has none).
    public var recorded: [RecordedSummary]

    public init(run: Int64, records: Int, rejects: Int, seconds: Double, models: [ModelSummary],
                shadows: [ShadowSummary], recorded: [RecordedSummary] = []) {
        self.run = run
        self.records = records
        self.rejects = rejects
        self.seconds = seconds
        self.models = models
        self.shadows = shadows
        self.recorded = recorded
    }

    private enum CodingKeys: String, CodingKey { case run, records, rejects, seconds, models, shadows, recorded }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        run = try c.decode(Int64.self, forKey: .run)
        records = try c.decode(Int.self, forKey: .records)
        rejects = try c.decode(Int.self, forKey: .rejects)
        seconds = try c.decode(Double.self, forKey: .seconds)
        models = try c.decode([ModelSummary].self, forKey: .models)
        shadows = try c.decode([ShadowSummary].self, forKey: .shadows)
        // Runs stored before recorded answers were compared have no such key.
        recorded = try c.decodeIfPresent([RecordedSummary].self, forKey: .recorded) ?? []
    }

    /// Records per second over the whole run.
    public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
}

/// One model's share of a run summary.
public struct ModelSummary: Sendable, Equatable, Codable {
    public var name: String
    public var role: String
    public var requests: Int
    public var errors: Int
    public var p50Ms: Double
    public var p99Ms: Double
    public var throughput: Double
    /// The child's restarts, CPU time and peak RSS for a `kind = "process"` model (nil for other kinds).
    public var process: ProcessSummary?

    public init(name: String, role: String, requests: Int, errors: Int, p50Ms: Double, p99Ms: Double,
                throughput: Double, process: ProcessSummary? = nil) {
        self.name = name
        self.role = role
        self.requests = requests
        self.errors = errors
        self.p50Ms = p50Ms
        self.p99Ms = p99Ms
        self.throughput = throughput
        self.process = process
    }
}

/// One shadow's disagreements with the champion, by kind.
public struct ShadowSummary: Sendable, Equatable, Codable {
    public var name: String
    /// Records both the champion and this shadow were asked about.
    public var compared: Int
    public var labelFlip: Int
    public var scoreDelta: Int
    public var shadowError: Int

    public init(name: String, compared: Int = 0, labelFlip: Int = 0, scoreDelta: Int = 0, shadowError: Int = 0) {
        self.name = name
        self.compared = compared
        self.labelFlip = labelFlip
        self.scoreDelta = scoreDelta
        self.shadowError = shadowError
    }

    public var total: Int { labelFlip + scoreDelta + shadowError }

    public mutating func count(_ kind: DisagreementKind) {
        switch kind {
        case .labelFlip: labelFlip += 1
        case .scoreDelta: scoreDelta += 1
        case .shadowError: shadowError += 1
        }
    }
}
