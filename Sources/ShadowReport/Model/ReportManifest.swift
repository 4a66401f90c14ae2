/// The run manifest (`runs.manifest_json`) as the report reads it: every key optional and input digests under
/// whichever algorithm name the writer used (`xxh128`, `sha256`), so manifests of any shadowd version render.
public struct ReportManifest: Sendable, Equatable, Decodable {
    /// One input file.
    public struct Input: Sendable, Equatable, Decodable {
        /// Absolute path.
        public var path: String
        /// Size in bytes.
        public var size: Int64?
        /// Digest algorithm name and hex value (nil when the file could not be read).
        public var digest: (algorithm: String, value: String)?

        private enum Keys: String, CodingKey { case path, size, xxh128, sha256 }

        /// Decodes the path, size and the first digest key present.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
            size = try c.decodeIfPresent(Int64.self, forKey: .size)
            if let v = try c.decodeIfPresent(String.self, forKey: .xxh128) { digest = ("xxh128", v) }
            else if let v = try c.decodeIfPresent(String.self, forKey: .sha256) { digest = ("sha256", v) }
        }

        /// Compares path, size and digest.
        public static func == (a: Input, b: Input) -> Bool {
            a.path == b.path && a.size == b.size && a.digest?.algorithm == b.digest?.algorithm
                && a.digest?.value == b.digest?.value
        }
    }

    /// The config file.
    public struct Config: Sendable, Equatable, Decodable {
        /// Path.
        public var path: String?
        /// SHA-256 of its text.
        public var sha256: String?
        /// Its text.
        public var text: String?
    }

    /// One model.
    public struct Model: Sendable, Equatable, Decodable {
        /// Name, role, kind, location and digest as in `models`.
        public var name: String?, role: String?, kind: String?, location: String?, digest: String?
        /// Per-name version.
        public var version: Int?
    }

    /// Layout version.
    public var format: Int?
    /// shadowd release that wrote it.
    public var shadowdVersion: String?
    /// Config.
    public var config: Config?
    /// Inputs in replay order.
    public var inputs: [Input]?
    /// Models, champion first.
    public var models: [Model]?
    /// Load profile.
    public var profile: String?
    /// Seed.
    public var seed: UInt64?
    /// The run this one reran.
    public var rerunOf: Int64?
    /// Injected drift scenarios, each as its JSON object.
    public var scenarios: [JSONValue]?

    private enum Keys: String, CodingKey {
        case format, config, inputs, models, profile, seed, scenarios
        case shadowdVersion = "shadowd_version"
        case rerunOf = "rerun_of"
    }

    private enum ScenarioKeys: String, CodingKey { case scenarios }

    /// Decodes every key that is present; `scenarios` may be `{"scenarios": [...]}` or a list.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        format = try c.decodeIfPresent(Int.self, forKey: .format)
        shadowdVersion = try c.decodeIfPresent(String.self, forKey: .shadowdVersion)
        config = try c.decodeIfPresent(Config.self, forKey: .config)
        inputs = try c.decodeIfPresent([Input].self, forKey: .inputs)
        models = try c.decodeIfPresent([Model].self, forKey: .models)
        profile = try c.decodeIfPresent(String.self, forKey: .profile)
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
        rerunOf = try c.decodeIfPresent(Int64.self, forKey: .rerunOf)
        switch try c.decodeIfPresent(JSONValue.self, forKey: .scenarios) {
        case .object(let fields)?:
            if case .array(let list)? = fields.first(where: { $0.0 == "scenarios" })?.1 { scenarios = list }
        case .array(let list)?: scenarios = list
        default: scenarios = nil
        }
    }
}
