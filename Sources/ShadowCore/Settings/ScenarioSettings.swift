/// `[[scenario]]`: drift injected into records on the fly during a replay or backtest (off when empty).
///
/// Each scenario starts at a record index (`at_record`, the record's line number minus one) or a record time
/// (`at_time`), abruptly (`width` 0) or ramping in linearly over `width` records or seconds. Random choices are
/// keyed by (seed, scenario, record index), so results do not depend on batching or threads.
public struct ScenarioSettings: Sendable, Equatable, Codable {
    /// What a scenario does to a record.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Adds `amount` to each listed feature.
        case shift
        /// Multiplies each listed feature by `factor`.
        case scale
        /// Adds Gaussian noise of standard deviation `sd` to each listed feature.
        case noise
        /// Remaps categories (`map`) and/or sets a category to `value` with probability `rate`.
        case category
        /// Makes each listed feature missing with probability `rate`.
        case missing
        /// Flips a binary label (0↔1, or sets `to`) with probability `rate`.
        case labelFlip = "label_flip"
        /// Relabels records labelled `from` as `to` with probability `rate` (label prior change).
        case labelPrior = "label_prior"
        /// Relabels records by a linear rule (`rule = "x0 + x1 > 7"`, or an expression for regression).
        case concept
        /// Stretches record time after `at_time` by `factor` and/or shifts it by `offset_s`.
        case timeWarp = "time_warp"
    }

    /// One `[[scenario]]` table.
    public struct Scenario: Sendable, Equatable, Codable {
        /// What the scenario does.
        public var kind: Kind
        /// Features it touches (shift, scale, noise, category, missing).
        public var features: [String]
        /// First record index affected (exclusive with `atTimeMs`).
        public var atRecord: Int?
        /// First record time affected, epoch milliseconds (exclusive with `atRecord`).
        public var atTimeMs: Double?
        /// Ramp length: records after `atRecord`, or seconds after `atTimeMs`; 0 is abrupt.
        public var width: Double
        /// Seed of the scenario's random choices.
        public var seed: UInt64
        /// Shift amount.
        public var amount: Double
        /// Scale or time-warp factor.
        public var factor: Double
        /// Noise standard deviation.
        public var sd: Double
        /// Probability for missing, label flip, label prior and category frequency changes.
        public var rate: Double
        /// Category remapping, old value → new value.
        public var map: [String: String]
        /// Category a record's value is set to with probability `rate`.
        public var value: String?
        /// Label prior change: the label that is rewritten.
        public var from: String?
        /// Label flip/prior change: the new label.
        public var to: String?
        /// Concept change: the relabelling rule.
        public var rule: String?
        /// Time warp: seconds added to record time.
        public var offsetSeconds: Double

        /// A scenario of `kind` with neutral parameters; set the ones the kind uses.
        public init(kind: Kind, features: [String] = [], atRecord: Int? = nil, atTimeMs: Double? = nil,
                    width: Double = 0, seed: UInt64 = 0, amount: Double = 0, factor: Double = 1, sd: Double = 0,
                    rate: Double = 1, map: [String: String] = [:], value: String? = nil, from: String? = nil,
                    to: String? = nil, rule: String? = nil, offsetSeconds: Double = 0) {
            self.kind = kind
            self.features = features
            self.atRecord = atRecord
            self.atTimeMs = atTimeMs
            self.width = width
            self.seed = seed
            self.amount = amount
            self.factor = factor
            self.sd = sd
            self.rate = rate
            self.map = map
            self.value = value
            self.from = from
            self.to = to
            self.rule = rule
            self.offsetSeconds = offsetSeconds
        }

        private enum CodingKeys: String, CodingKey {
            case kind, features, width, seed, amount, factor, sd, rate, map, value, from, to, rule
            case atRecord = "at_record"
            case atTimeMs = "at_time_ms"
            case offsetSeconds = "offset_s"
        }
    }

    /// The scenarios, applied in this order to each record.
    public var scenarios: [Scenario]

    /// Creates the settings; the default injects nothing.
    public init(scenarios: [Scenario] = []) {
        self.scenarios = scenarios
    }

    /// True when no scenario is configured.
    public var isEmpty: Bool { scenarios.isEmpty }
}
