/// `[drift]`: drift monitoring of replays — windows, reference, statistics, detectors, trigger rules and actions.
/// Off unless `enabled = true`. Plain values only; `ShadowMonitor` turns them into windows, detectors and a policy.
public struct DriftSettings: Sendable, Equatable {
    /// Where the reference distribution comes from.
    public enum Reference: String, Sendable, CaseIterable {
        /// The first `referenceRecords` records of the run.
        case firstN = "first_n"
        /// A baseline profile file written by `shadowctl profile`.
        case profile
        /// The same UTC hour one day earlier (windows are calendar hours).
        case sameHourDay = "same_hour_day"
        /// The same UTC hour one week earlier (windows are calendar hours).
        case sameHourWeek = "same_hour_week"
    }

    /// A statistic computed for each feature and window.
    public enum Statistic: String, Sendable, CaseIterable {
        /// Population stability index (numeric and categorical), binned per `psiBinning`.
        case psi
        /// Two-sample Kolmogorov–Smirnov p-value (numeric; signal `ks_pvalue:F`).
        case ks
        /// Wasserstein-1 divided by the reference's standard deviation (numeric).
        case wassersteinNorm = "wasserstein_norm"
        /// Jensen–Shannon distance, natural log (Sturges bins for numeric, categories as they are).
        case js
        /// χ² contingency p-value (categorical; signal `chi2_pvalue:F`).
        case chi2
        /// L∞ distance between category shares (categorical).
        case linf
    }

    /// The PSI binning convention.
    public enum Binning: String, Sendable, CaseIterable {
        /// Evidently: equal-width Sturges bins over reference + current, tiny fill for empty bins.
        case sturges
        /// Reference-quantile bins (`psiBins` of them), shares floored at 1e-4.
        case quantile
        /// `psiBins` equal-width bins over reference + current.
        case equalWidth = "equal_width"
    }

    /// A streaming detector for the error or disagreement indicator stream.
    public enum Detector: String, Sendable, CaseIterable {
        /// ADWIN (δ 0.002).
        case adwin
        /// DDM (0/1 streams).
        case ddm
        /// Page–Hinkley (both directions).
        case pageHinkley = "page_hinkley"
        /// No detector; only the window rate is reported.
        case none
    }

    /// Which side of a rule's levels is bad.
    public enum Direction: String, Sendable, CaseIterable {
        /// value ≥ level crosses.
        case above
        /// value ≤ level crosses (p-values).
        case below
    }

    /// How a rule combines its signals.
    public enum Combine: String, Sendable, CaseIterable {
        /// One signal (`signal = "…"`).
        case single
        /// At the highest level any signal reaches (`any = [...]`).
        case any
        /// At the lowest level of all signals (`all = [...]`).
        case all
    }

    /// An action's trigger level.
    public enum Level: String, Sendable, CaseIterable {
        /// A rule reached its warn level.
        case warn
        /// A rule reached its alert level.
        case alert
        /// An alerting rule with `retrain = true`.
        case retrain
    }

    /// One `[[drift.rules]]` entry.
    public struct Rule: Sendable, Equatable {
        /// Unique rule name.
        public var name: String
        /// How `signals` combine.
        public var combine: Combine
        /// Signal names such as `psi:x0`, `ks_pvalue:x0`, `disagreement:cand`, `error`.
        public var signals: [String]
        /// Warn level (nil: never warns).
        public var warn: Double?
        /// Alert level (nil: never alerts).
        public var alert: Double?
        /// Bad side of the levels; nil infers it per signal (p-values below, everything else above).
        public var direction: Direction?
        /// Windows with fewer samples are ignored.
        public var minSamples: Int
        /// Windows in a row at a level before it fires.
        public var consecutive: Int
        /// Seconds (record time) before the same level may fire again.
        public var cooldownSeconds: Double
        /// Whether an alert also triggers retraining.
        public var retrain: Bool

        /// A rule.
        public init(name: String, combine: Combine = .single, signals: [String], warn: Double? = nil,
                    alert: Double? = nil, direction: Direction? = nil, minSamples: Int = 0, consecutive: Int = 1,
                    cooldownSeconds: Double = 0, retrain: Bool = false) {
            self.name = name
            self.combine = combine
            self.signals = signals
            self.warn = warn
            self.alert = alert
            self.direction = direction
            self.minSamples = minSamples
            self.consecutive = consecutive
            self.cooldownSeconds = cooldownSeconds
            self.retrain = retrain
        }
    }

    /// One `[[drift.actions]]` entry.
    public struct Action: Sendable, Equatable {
        /// What an action does.
        public enum Kind: String, Sendable, CaseIterable {
            /// Runs `argv` (no shell) with `SHADOWD_*` in its environment.
            case exec
            /// POSTs the trigger as JSON to `url` (http:// only).
            case webhook
        }

        /// Levels that run this action.
        public var on: [Level]
        /// exec or webhook.
        public var kind: Kind
        /// Program and arguments (exec).
        public var argv: [String]
        /// Target URL (webhook).
        public var url: String?
        /// Per-attempt time limit in milliseconds.
        public var timeoutMs: Int
        /// Extra attempts after a failure (webhook; exec runs once).
        public var retries: Int

        /// An action.
        public init(on: [Level], kind: Kind, argv: [String] = [], url: String? = nil, timeoutMs: Int = 10_000,
                    retries: Int = 2) {
            self.on = on
            self.kind = kind
            self.argv = argv
            self.url = url
            self.timeoutMs = timeoutMs
            self.retries = retries
        }
    }

    /// Whether replays are monitored at all.
    public var enabled: Bool
    /// Records per window.
    public var window: Int
    /// Records between window evaluations (sliding when smaller than `window`).
    public var step: Int
    /// Time windows instead: seconds of record time per window (tumbling; at most `window` records each,
    /// the latest ones). Nil for count windows.
    public var windowSeconds: Int?
    /// Reference kind.
    public var reference: Reference
    /// Records in a `first_n` reference.
    public var referenceRecords: Int
    /// Profile file for `profile` (resolved against the config folder).
    public var profile: String?
    /// Statistics per feature.
    public var statistics: [Statistic]
    /// PSI binning convention.
    public var psiBinning: Binning
    /// Bins for `quantile` and `equal_width`.
    public var psiBins: Int
    /// Features watched; nil means every schema feature (plus `prediction`).
    public var features: [String]?
    /// Detector on the champion's error stream (needs labels).
    public var errorDetector: Detector
    /// Detector on each shadow's disagreement stream.
    public var disagreementDetector: Detector
    /// Trigger rules.
    public var rules: [Rule]
    /// Actions run when rules fire.
    public var actions: [Action]

    /// Settings with the defaults `deploy/shadowd.toml` documents.
    public init(enabled: Bool = false, window: Int = 1000, step: Int? = nil, reference: Reference = .firstN,
                referenceRecords: Int = 5000, profile: String? = nil, statistics: [Statistic] = [.psi, .ks],
                psiBinning: Binning = .quantile, psiBins: Int = 10, features: [String]? = nil,
                errorDetector: Detector = .adwin, disagreementDetector: Detector = .adwin, rules: [Rule] = [],
                actions: [Action] = []) {
        self.enabled = enabled
        self.window = window
        self.step = step ?? window
        self.windowSeconds = nil
        self.reference = reference
        self.referenceRecords = referenceRecords
        self.profile = profile
        self.statistics = statistics
        self.psiBinning = psiBinning
        self.psiBins = psiBins
        self.features = features
        self.errorDetector = errorDetector
        self.disagreementDetector = disagreementDetector
        self.rules = rules
        self.actions = actions
    }
}
