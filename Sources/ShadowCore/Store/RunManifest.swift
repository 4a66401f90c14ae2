/// What a run needs to be rerun exactly (`runs.manifest_json`, read by `shadowctl replay --rerun`): the inputs
/// with their sizes and XXH3-128 digests, the config text, each model's digest and version, the load profile and seed,
/// and the shadowd version that made it.
public struct RunManifest: Sendable, Equatable, Codable {
    /// The manifest layout this build writes.
    public static let currentFormat = 1
    /// The shadowd release that writes manifests.
    public static let currentShadowdVersion = ShadowdVersion.current

    /// One traffic file as it was when the run began.
    public struct Input: Sendable, Equatable, Codable {
        /// Absolute path.
        public var path: String
        /// Size in bytes; nil when the file could not be read.
        public var size: Int64?
        /// XXH3-128 of the whole file as 32 hex digits (as `xxhsum -H2` prints it); nil when it could not be read.
        public var xxh128: String?

        /// Creates an input entry.
        public init(path: String, size: Int64?, xxh128: String?) {
            self.path = path
            self.size = size
            self.xxh128 = xxh128
        }

        private enum CodingKeys: String, CodingKey { case path, size, xxh128 }

        /// Writes every key, with `null` for what is unknown.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(size, forKey: .size)
            try c.encode(xxh128, forKey: .xxh128)
        }
    }

    /// The config the run was replayed with.
    public struct Config: Sendable, Equatable, Codable {
        /// Absolute path of the config file.
        public var path: String
        /// The folder relative paths in the config are resolved against.
        public var baseDirectory: String
        /// SHA-256 of `text`; nil when the file could not be read.
        public var sha256: String?
        /// The full config text; nil when the file could not be read.
        public var text: String?

        /// Creates a config entry.
        public init(path: String, baseDirectory: String, sha256: String?, text: String?) {
            self.path = path
            self.baseDirectory = baseDirectory
            self.sha256 = sha256
            self.text = text
        }

        private enum CodingKeys: String, CodingKey {
            case path, sha256, text
            case baseDirectory = "base_directory"
        }

        /// Writes every key, with `null` for what is unknown.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(baseDirectory, forKey: .baseDirectory)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(text, forKey: .text)
        }
    }

    /// One model of the run: what the `models` table holds, with its version.
    public struct Model: Sendable, Equatable, Codable {
        /// The model's name in the config.
        public var name: String
        /// `champion`, `shadow` or `replica`.
        public var role: String
        /// `xgboost`, `lightgbm`, `linear`, …
        public var kind: String
        /// Model file or endpoint.
        public var location: String
        /// SHA-256 of the model file (or the endpoint's identity) as 64 hex digits.
        public var digest: String
        /// The per-name version (`model_versions`); nil until the store has numbered it.
        public var version: Int?

        /// Creates a model entry.
        public init(name: String, role: String, kind: String, location: String, digest: String, version: Int?) {
            self.name = name
            self.role = role
            self.kind = kind
            self.location = location
            self.digest = digest
            self.version = version
        }
    }

    /// Layout version of this manifest (`currentFormat` when written by this build).
    public var format: Int
    /// The shadowd release that replayed the run.
    public var shadowdVersion: String
    /// The config file and its text.
    public var config: Config
    /// The traffic files, in replay order.
    public var inputs: [Input]
    /// The models, champion first.
    public var models: [Model]
    /// The load profile the records were paced with; nil replays as fast as possible.
    public var profile: String?
    /// The seed of any randomness in the replay (sampling, drift injection); nil when nothing is random.
    public var seed: UInt64?
    /// The run this one reran (`replay --rerun`), if any.
    public var rerunOf: Int64?
    /// The drift scenarios injected into the records (`[[scenario]]`, `replay --scenario`); nil when none.
    public var scenarios: ScenarioSettings?

    /// Creates a manifest of the current format and shadowd version.
    public init(config: Config, inputs: [Input], models: [Model], profile: String? = nil, seed: UInt64? = nil,
                rerunOf: Int64? = nil, scenarios: ScenarioSettings? = nil) {
        self.format = Self.currentFormat
        self.shadowdVersion = Self.currentShadowdVersion
        self.config = config
        self.inputs = inputs
        self.models = models
        self.profile = profile
        self.seed = seed
        self.rerunOf = rerunOf
        self.scenarios = scenarios
    }

    private enum CodingKeys: String, CodingKey {
        case format, config, inputs, models, profile, seed, scenarios
        case shadowdVersion = "shadowd_version"
        case rerunOf = "rerun_of"
    }

    /// Writes every key, with `null` for an absent profile, seed or rerun origin.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(shadowdVersion, forKey: .shadowdVersion)
        try c.encode(config, forKey: .config)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(models, forKey: .models)
        try c.encode(profile, forKey: .profile)
        try c.encode(seed, forKey: .seed)
        try c.encode(rerunOf, forKey: .rerunOf)
        try c.encodeIfPresent(scenarios, forKey: .scenarios)
    }
}
