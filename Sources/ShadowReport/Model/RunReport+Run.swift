extension RunReport {
    /// The `runs` row.
    public struct RunInfo: Sendable, Equatable {
        /// Run id.
        public var id: Int64
        /// Start time as stored.
        public var startedAt: String
        /// End time as stored (nil while running).
        public var finishedAt: String?
        /// `running`, `done` or `failed`.
        public var status: String
        /// The config file of the run.
        public var configPath: String
        /// Input files as given on the command line.
        public var inputs: [String]
        /// Records replayed.
        public var records: Int64?
        /// Lines rejected.
        public var rejects: Int64?
        /// Wall seconds.
        public var seconds: Double?
    }

    /// A `models` row.
    public struct ModelInfo: Sendable, Equatable {
        /// Name in the config.
        public var name: String
        /// `champion`, `shadow` or `replica`.
        public var role: String
        /// Model kind.
        public var kind: String
        /// File or endpoint.
        public var location: String
        /// SHA-256 digest.
        public var digest: String
        /// Per-name version, when numbered.
        public var version: Int64?
    }

    /// A `latency` row with its decoded percentile curve.
    public struct ModelLatency: Sendable, Equatable {
        /// Model name.
        public var model: String
        /// Requests answered.
        public var count: Int64
        /// Failed requests.
        public var errors: Int64
        /// Stored percentiles in ms.
        public var p50: Double, p90: Double, p99: Double, p999: Double, max: Double
        /// Answers per second over the run.
        public var throughput: Double
        /// The curve from the stored histogram (nil when it could not be decoded).
        public var curve: PercentileCurve?
        /// Why the histogram could not be decoded.
        public var decodeError: String?
    }
}
