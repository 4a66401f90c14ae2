import ShadowCore
import ShadowDrift

/// The monitor's memory of one run between batches, persisted as JSON (`monitor_state` part `live`).
struct RunState: Sendable, Codable {
    /// Records seen.
    var records = 0
    /// Windows evaluated.
    var window = 0
    /// Records added to the windows since the last evaluation.
    var sinceEvaluation = 0
    /// Current numeric window per feature.
    var numeric: [String: SlidingCountWindow] = [:]
    /// Current categorical window per feature.
    var categorical: [String: CategoryWindow] = [:]
    /// Record times of the current window (NaN when a record has none).
    var times: SlidingCountWindow
    /// Time windows: the index (record time ÷ window length) of the window being filled.
    var timeBucket: Int64?
    /// Detectors by signal (`error`, `disagreement:S`).
    var detectors: [String: AnyDetector] = [:]
    /// Highest detector output per signal since the last evaluation (0 none, 1 warning, 2 drift).
    var peaks: [String: Int] = [:]
    /// Rate signals: [hits, samples] since the last evaluation.
    var counts: [String: [Int]] = [:]
    /// The trigger policy (streaks, latches, cooldowns).
    var policy: TriggerPolicy
    /// Seasonal references per numeric feature.
    var seasonal: [String: SeasonalReference] = [:]
    /// Seasonal category counts per feature and hour.
    var seasonalCategories: [String: [Int64: CategorySummary]] = [:]
    /// The hour being filled (seasonal references).
    var hour: Int64?
    /// Record times of the first and last record of `hour`.
    var hourFirstMs: Double?
    var hourLastMs: Double?

    init(window: Int, rules: [TriggerRule]) {
        times = SlidingCountWindow(capacity: window)
        policy = TriggerPolicy(rules: rules)
    }
}

/// The first-N (or profile) reference: values per numeric feature and counts per categorical feature.
struct ReferenceState: Sendable, Codable {
    var numeric: [String: [Double]] = [:]
    var categorical: [String: CategorySummary] = [:]
    var records = 0
    var complete = false

    /// The reference a baseline profile gives: its bounded sample per numeric feature, its counts per category.
    init(profile: FeatureProfile) {
        for feature in profile.features {
            if let n = feature.numeric { numeric[feature.name] = n.sample.values }
            if let c = feature.categories { categorical[feature.name] = c }
        }
        records = profile.records
        complete = true
    }

    init() {}
}
